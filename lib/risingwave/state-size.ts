import "server-only";
import { queryRisingWave } from "./pool";

// An MV's state: its own table and its job's internal tables (aggregation, join, backfill state),
// each a row of rw_table_stats (§ rw_table_stats: any state table; a table without stats has no row).
const STATE_BYTES_SQL = `
SELECT m.name, sum(st.total_key_size + st.total_value_size)::varchar AS bytes
FROM rw_catalog.rw_materialized_views AS m
JOIN (
  SELECT id, id AS job_id FROM rw_catalog.rw_materialized_views
  UNION ALL
  SELECT id, job_id FROM rw_catalog.rw_internal_tables
) AS t ON t.job_id = m.id
JOIN rw_catalog.rw_table_stats AS st ON st.id = t.id
WHERE m.name = ANY($1::varchar[])
GROUP BY m.name`;

/** Bytes of state (keys + values in Hummock's version stats) per MV name, one statement; an MV without stats is absent. */
export async function readMvStateBytes(mvs: string[]): Promise<Map<string, number>> {
  if (mvs.length === 0) return new Map();
  const rows = await queryRisingWave<{ name: string; bytes: string }>(STATE_BYTES_SQL, [mvs]);
  return new Map(rows.map((row) => [row.name, Number(row.bytes)]));
}
