import "server-only";
import type { KeyPart } from "../lookup/key";
import { quoteIdent } from "./identifiers";
import { queryRisingWave } from "./pool";

const REDIS_SINKS_SQL = `
SELECT s.name, s.format_encode_options
FROM rw_catalog.rw_sinks AS s
JOIN rw_catalog.rw_depend AS d ON d.objid = s.id
JOIN rw_catalog.rw_relations AS r ON r.id = d.refobjid
WHERE r.name = $1 AND lower(s.connector) = 'redis'
ORDER BY s.name`;

export type EntityRow = Record<string, unknown>;

const whereKey = (key: KeyPart[], offset = 0) => key.map((part, index) => `${quoteIdent(part.column)} = $${index + 1 + offset}::${part.cast}`).join(" AND ");

/**
 * One entity's row of an MV: a point lookup on the MV's primary key (RisingWave plans `pk = $1` as
 * a point scan). Identifiers come from the registry or rw_columns and are quoted; key values are
 * parameters, cast to the key column's type.
 */
export async function readEntityRow(mv: string, columns: string[], key: KeyPart[]): Promise<EntityRow | null> {
  const sql = `SELECT ${columns.map(quoteIdent).join(", ")} FROM public.${quoteIdent(mv)} WHERE ${whereKey(key)}`;
  const [row] = await queryRisingWave<EntityRow>(sql, key.map((part) => part.sql));
  return row ?? null;
}

/**
 * Many entities of one MV with a single-column key, in one statement. `IN ($1, $2, …)` rather than
 * `= ANY($1)`: RisingWave turns an IN list into point lookups, ANY into a scan (risingwave-sql.md 7a).
 */
export async function readEntityRows(mv: string, columns: string[], keyColumn: KeyPart["column"], cast: string, values: string[]): Promise<EntityRow[]> {
  if (values.length === 0) return [];
  const list = values.map((_, index) => `$${index + 1}::${cast}`).join(", ");
  return queryRisingWave<EntityRow>(`SELECT ${columns.map(quoteIdent).join(", ")} FROM public.${quoteIdent(mv)} WHERE ${quoteIdent(keyColumn)} IN (${list})`, values);
}

export type RedisSinkInfo = { name: string; keyFormat: string | null; valueFormat: string | null };

/** The Redis sinks fed by an MV, with their TEMPLATE formats (null for ENCODE JSON). */
export async function readRedisSinks(mv: string): Promise<RedisSinkInfo[]> {
  const rows = await queryRisingWave<{ name: string; format_encode_options: Record<string, unknown> | null }>(REDIS_SINKS_SQL, [mv]);
  const option = (options: Record<string, unknown> | null, key: string) => {
    const value = options?.[key];
    // format_encode_options values are plain strings or {type, value} (contract §3, rw_sinks).
    const text = typeof value === "object" && value !== null ? (value as { value?: unknown }).value : value;
    return typeof text === "string" ? text : null;
  };
  return rows.map((row) => ({ name: row.name, keyFormat: option(row.format_encode_options, "key_format"), valueFormat: option(row.format_encode_options, "value_format") }));
}
