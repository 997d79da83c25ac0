import "server-only";
import type { LiveColumn } from "../catalog/schema-check";
import { queryRisingWave } from "./pool";

// Columns come from rw_columns joined to rw_relations: information_schema does not list MVs on
// PostgreSQL, and hidden columns (_row_id, _rw_timestamp) are not features.
const COLUMNS_SQL = `
SELECT r.name AS relation, c.name, c.data_type, c.is_primary_key
FROM rw_catalog.rw_columns AS c
JOIN rw_catalog.rw_relations AS r ON r.id = c.relation_id
WHERE r.name = ANY($1::varchar[]) AND r.relation_type IN ('materialized view', 'table') AND NOT c.is_hidden
ORDER BY r.name, c.position`;

const MATERIALIZED_VIEWS_SQL = `
SELECT m.name, m.status, m.definition, count(c.name) AS column_count
FROM rw_catalog.rw_materialized_views AS m
LEFT JOIN rw_catalog.rw_columns AS c ON c.relation_id = m.id AND NOT c.is_hidden
GROUP BY m.name, m.status, m.definition
ORDER BY m.name`;

export type MaterializedViewSummary = { name: string; status: string; definition: string; columnCount: number };

/** The visible columns of each named MV (or table), in one round trip; absent names are absent. */
export async function listColumns(names: string[]): Promise<Map<string, LiveColumn[]>> {
  const columns = new Map<string, LiveColumn[]>();
  if (names.length === 0) return columns;
  const rows = await queryRisingWave<{ relation: string; name: string; data_type: string; is_primary_key: boolean }>(COLUMNS_SQL, [names]);
  for (const row of rows) {
    const list = columns.get(row.relation) ?? [];
    list.push({ name: row.name, dataType: row.data_type, isPrimaryKey: row.is_primary_key });
    columns.set(row.relation, list);
  }
  return columns;
}

export async function listMaterializedViews(): Promise<MaterializedViewSummary[]> {
  const rows = await queryRisingWave<{ name: string; status: string; definition: string; column_count: string }>(MATERIALIZED_VIEWS_SQL);
  return rows.map((row) => ({ name: row.name, status: row.status, definition: row.definition, columnCount: Number(row.column_count) }));
}
