import { Pool, types, type PoolClient } from "pg";

type Queryable = Pool | PoolClient;

/** Bulk insert through one statement: rows travel as a JSON array and PostgreSQL types them. */
export async function insertRows(db: Queryable, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`, [JSON.stringify(rows)]);
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `"schema"."name"` of a relation's storage table. */
export const qualified = (relation: { schema: string; name: string }) => `${quoteIdent(relation.schema)}.${quoteIdent(relation.name)}`;

export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The emulator's connection to its database, in UTC like a RisingWave session. Row values keep the
 * text RisingWave's encoders start from: timestamp, date and jsonb stay text (a JavaScript Date
 * would put a local time zone on a timestamp and drop its microseconds).
 */
export function createEmulatorPool(url: string): Pool {
  const asText = new Set([types.builtins.TIMESTAMP, types.builtins.DATE, types.builtins.JSONB]);
  return new Pool({
    connectionString: url,
    max: 4,
    application_name: "risingwave-emulator",
    options: "-c timezone=UTC",
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        asText.has(oid) ? (value: string) => value : types.getTypeParser(oid, format ?? "text")) as typeof types.getTypeParser,
    },
  });
}
