import "server-only";
import { keySpreadOrder, keyText, qualifiedName, quoteIdent } from "./identifiers";
import { versionBase } from "../versions/names";
import { queryRisingWave } from "./pool";

// A group's version family in the catalog (lib/versions/names.ts). LIKE's "_" matches any character:
// names are checked again here.
const VERSION_ROWS = `
SELECT m.name, sc.name AS schema_name, m.status, m.definition, s.committed_epoch::varchar AS committed_epoch,
  ts.total_key_count::varchar AS key_count, p.progress, (extract(epoch FROM p.initialized_at) * 1000)::int8 AS backfill_started_ms
FROM rw_catalog.rw_materialized_views AS m
JOIN rw_catalog.rw_schemas AS sc ON sc.id = m.schema_id
LEFT JOIN rw_catalog.rw_hummock_snapshot AS s ON s.table_id = m.id
LEFT JOIN rw_catalog.rw_table_stats AS ts ON ts.id = m.id
LEFT JOIN rw_catalog.rw_ddl_progress AS p ON p.ddl_id = m.id
WHERE m.name = $1::varchar OR m.name LIKE $2::varchar OR m.name = ANY($3::varchar[])`;

// What reads each version: its sinks (with their definitions, for the checklist) and the MVs built on it.
const DOWNSTREAM_ROWS = `
SELECT r.name AS mv, 'sink'::varchar AS kind, s.name, s.definition
FROM rw_catalog.rw_sinks AS s
JOIN rw_catalog.rw_depend AS d ON d.objid = s.id
JOIN rw_catalog.rw_relations AS r ON r.id = d.refobjid
WHERE r.name = ANY($1::varchar[])
UNION ALL
SELECT up.name AS mv, 'materialized view'::varchar AS kind, down.name, ''::varchar AS definition
FROM rw_catalog.rw_depend AS d
JOIN rw_catalog.rw_relations AS up ON up.id = d.refobjid
JOIN rw_catalog.rw_relations AS down ON down.id = d.objid
WHERE up.name = ANY($1::varchar[]) AND down.relation_type = 'materialized view'`;

export type VersionRow = {
  name: string;
  schema: string;
  status: string;
  definition: string;
  committedEpoch: string | null;
  rows: number | null;
  progress: string | null;
  /** When the running backfill's DDL started (unix ms); null when none runs. */
  backfillStartedMs: number | null;
  sinks: { name: string; definition: string }[];
  /** MVs built on this one: they read it and must follow a switch. */
  downstream: string[];
};

/** Every MV of the version family of `mv` (its base, each <base>_v<N>, and the registry's `declared` versions) with its sinks: two statements. */
export async function readVersionFamily(mv: string, declared: string[] = []): Promise<VersionRow[]> {
  const base = versionBase(mv);
  const family = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(_v\\d+)?$`);
  const rows = (
    await queryRisingWave<{
      name: string;
      schema_name: string;
      status: string;
      definition: string;
      committed_epoch: string | null;
      key_count: string | null;
      progress: string | null;
      backfill_started_ms: string | null;
    }>(VERSION_ROWS, [base, `${base}_v%`, declared])
  ).filter((row) => family.test(row.name) || declared.includes(row.name));
  const readers =
    rows.length === 0
      ? []
      : (
          await queryRisingWave<{ mv: string; kind: string; name: string; definition: string }>(DOWNSTREAM_ROWS, [
            rows.map((row) => row.name),
          ])
        ).sort((a, b) => a.name.localeCompare(b.name));
  const sinks = readers.filter((reader) => reader.kind === "sink");
  return rows
    .map((row) => ({
      name: row.name,
      schema: row.schema_name,
      status: row.status,
      definition: row.definition,
      committedEpoch: row.committed_epoch,
      rows: row.key_count === null ? null : Number(row.key_count),
      progress: row.progress,
      backfillStartedMs: row.backfill_started_ms === null ? null : Number(row.backfill_started_ms),
      sinks: sinks.filter((sink) => sink.mv === row.name).map((sink) => ({ name: sink.name, definition: sink.definition })),
      downstream: readers.filter((reader) => reader.mv === row.name && reader.kind !== "sink").map((reader) => reader.name),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
}

/** A row's key and values as text, the same text in both versions. */
export type SampledRow = { key: string; values: Record<string, string | null> };

const selectList = (keys: string[], columns: string[]) =>
  [`${keyText(keys)} AS tideline_key`, ...columns.map((column, index) => `${quoteIdent(column)}::varchar AS c${index}`)].join(", ");
const toSampled = (row: Record<string, string | null>, columns: string[]): SampledRow => ({
  key: row.tideline_key ?? "",
  values: Object.fromEntries(columns.map((column, index) => [column, row[`c${index}`] ?? null])),
});

/**
 * `size` rows of an MV, first by md5 of their key (a spread of entities, the same ones each time), or
 * with `keys` given, the rows of those entities (the other version's sample). One statement each; the
 * size is a validated literal (LIMIT takes no $n).
 */
export async function readVersionSample(
  mv: { schema: string; name: string },
  keyColumns: string[],
  columns: string[],
  options: { size: number } | { keys: string[] },
): Promise<SampledRow[]> {
  const from = qualifiedName(mv);
  if ("size" in options) {
    const size = Math.max(1, Math.min(1_000, Math.floor(options.size)));
    const rows = await queryRisingWave<Record<string, string | null>>(
      `SELECT ${selectList(keyColumns, columns)} FROM ${from} ${keySpreadOrder(keyColumns)} LIMIT ${size}`,
    );
    return rows.map((row) => toSampled(row, columns));
  }
  if (options.keys.length === 0) return [];
  const rows = await queryRisingWave<Record<string, string | null>>(
    `SELECT ${selectList(keyColumns, columns)} FROM ${from} WHERE ${keyText(keyColumns)} = ANY($1::varchar[])`,
    [options.keys],
  );
  return rows.map((row) => toSampled(row, columns));
}
