import "server-only";
import type { KeyPart } from "../entity-keys/parse";
import { keyPredicate } from "../entity-keys/resolve";
import { multimap } from "../multimap";
import { qualifiedName, quoteIdent } from "./identifiers";
import { queryRisingWave } from "./pool";

const SINKS_OF_SQL = `
SELECT r.name AS mv, s.name, s.connector, s.connector_props, s.format_encode_options
FROM rw_catalog.rw_sinks AS s
JOIN rw_catalog.rw_depend AS d ON d.objid = s.id
JOIN rw_catalog.rw_relations AS r ON r.id = d.refobjid
WHERE r.name = ANY($1::varchar[])
ORDER BY s.name`;

export type EntityRow = Record<string, unknown>;
/** An MV as the catalog places it (listRelations): its schema and name. */
export type MvRef = { schema: string; name: string };

/**
 * One entity's row of an MV: a point lookup on the MV's primary key (RisingWave plans `pk = $1` as
 * a point scan). Identifiers come from the registry or rw_columns and are quoted; key values are
 * parameters, cast to the key column's type.
 */
export async function readEntityRow(mv: MvRef, columns: string[], key: KeyPart[]): Promise<EntityRow | null> {
  const predicate = keyPredicate(key, quoteIdent);
  const [row] = await queryRisingWave<EntityRow>(
    `SELECT ${columns.map(quoteIdent).join(", ")} FROM ${qualifiedName(mv)} WHERE ${predicate.sql}`,
    predicate.params,
  );
  return row ?? null;
}

/**
 * Many entities of one MV with a single-column key, in one statement. `IN ($1, $2, …)` rather than
 * `= ANY($1)`: RisingWave turns an IN list into point lookups, ANY into a scan (risingwave-sql.md 7a).
 */
export async function readEntityRows(
  mv: MvRef,
  columns: string[],
  keyColumn: KeyPart["column"],
  cast: string,
  values: string[],
): Promise<EntityRow[]> {
  if (values.length === 0) return [];
  const list = values.map((_, index) => `$${index + 1}::${cast}`).join(", ");
  return queryRisingWave<EntityRow>(
    `SELECT ${columns.map(quoteIdent).join(", ")} FROM ${qualifiedName(mv)} WHERE ${quoteIdent(keyColumn)} IN (${list})`,
    values,
  );
}

/** A WITH option's text: options are {type, value} objects, and a secret holds a reference, not text (contract §3, rw_sinks). */
function plainOption(options: Record<string, unknown> | null, key: string): string | null {
  const value = options?.[key];
  const option = typeof value === "object" && value !== null ? (value as { type?: string; value?: unknown }) : { type: "plaintext", value };
  return option.type === "plaintext" && typeof option.value === "string" ? option.value : null;
}

export type SinkInfo = {
  name: string;
  connector: string;
  /** TEMPLATE formats of a Redis sink (null for ENCODE JSON). */
  keyFormat: string | null;
  valueFormat: string | null;
  /** File sinks: where the files go. */
  s3Bucket: string | null;
  s3Path: string | null;
};

/** The sinks fed by an MV, with the options the lookup and the archive page need. */
export async function readSinksOf(mv: string): Promise<SinkInfo[]> {
  return (await readSinksOfMany([mv])).get(mv) ?? [];
}

/** The sinks of many MVs in one statement, by MV name (each MV's sinks by name). */
export async function readSinksOfMany(mvs: string[]): Promise<Map<string, SinkInfo[]>> {
  if (mvs.length === 0) return new Map();
  const rows = await queryRisingWave<{
    mv: string;
    name: string;
    connector: string;
    connector_props: Record<string, unknown> | null;
    format_encode_options: Record<string, unknown> | null;
  }>(SINKS_OF_SQL, [mvs]);
  return multimap(
    rows.map((row) => [
      row.mv,
      {
        name: row.name,
        connector: row.connector.toLowerCase(),
        keyFormat: plainOption(row.format_encode_options, "key_format"),
        valueFormat: plainOption(row.format_encode_options, "value_format"),
        s3Bucket: plainOption(row.connector_props, "s3.bucket_name"),
        s3Path: plainOption(row.connector_props, "s3.path"),
      },
    ]),
  );
}

/** The Redis sinks fed by an MV. */
export async function readRedisSinks(mv: string): Promise<SinkInfo[]> {
  return (await readSinksOf(mv)).filter((sink) => sink.connector === "redis");
}

const SINKS_OF_MANY_SQL = `
SELECT r.name AS mv, s.name, s.format_encode_options
FROM rw_catalog.rw_sinks AS s
JOIN rw_catalog.rw_depend AS d ON d.objid = s.id
JOIN rw_catalog.rw_relations AS r ON r.id = d.refobjid
WHERE r.name = ANY($1::varchar[]) AND lower(s.connector) = 'redis'`;

const ALL_REDIS_SINKS_SQL = `
SELECT s.name, s.format_encode_options
FROM rw_catalog.rw_sinks AS s
WHERE lower(s.connector) = 'redis'`;

const MV_ROWS_SQL = `
SELECT m.name, st.total_key_count::varchar AS total_key_count
FROM rw_catalog.rw_materialized_views AS m
JOIN rw_catalog.rw_table_stats AS st ON st.id = m.id
WHERE m.name = ANY($1::varchar[])`;

/** The Redis sinks of many MVs in one statement: MV name → its sinks' TEMPLATE key formats (null for JSON). */
export async function readRedisSinksOfMany(mvs: string[]): Promise<Map<string, { name: string; keyFormat: string | null }[]>> {
  if (mvs.length === 0) return new Map();
  const rows = await queryRisingWave<{ mv: string; name: string; format_encode_options: Record<string, unknown> | null }>(
    SINKS_OF_MANY_SQL,
    [mvs],
  );
  return multimap(
    rows.map((row) => [row.mv, { name: row.name, keyFormat: plainOption(row.format_encode_options, "key_format") }] as const),
  );
}

/** Every Redis sink of the cluster with its TEMPLATE key format (null for ENCODE JSON), one statement. */
export async function readAllRedisSinks(): Promise<{ name: string; keyFormat: string | null }[]> {
  const rows = await queryRisingWave<{ name: string; format_encode_options: Record<string, unknown> | null }>(ALL_REDIS_SINKS_SQL);
  return rows.map((row) => ({ name: row.name, keyFormat: plainOption(row.format_encode_options, "key_format") }));
}

/** Row counts of MVs by name (rw_table_stats.total_key_count), one statement. */
export async function readMvRowCounts(mvs: string[]): Promise<Map<string, number>> {
  if (mvs.length === 0) return new Map();
  const rows = await queryRisingWave<{ name: string; total_key_count: string }>(MV_ROWS_SQL, [mvs]);
  return new Map(rows.map((row) => [row.name, Number(row.total_key_count)]));
}
