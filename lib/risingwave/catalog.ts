import "server-only";
import type { LiveColumn } from "../groups/schema-check";
import { queryRisingWave } from "./pool";

// Columns come from rw_columns joined to rw_relations: information_schema does not list MVs on
// PostgreSQL, and hidden columns (_row_id, _rw_timestamp) are not features. The schema comes from
// rw_schemas: MVs live outside `public` too (§11.11).
const COLUMNS_SQL = `
SELECT r.name AS relation, sc.name AS schema_name, c.name, c.data_type, c.is_primary_key
FROM rw_catalog.rw_columns AS c
JOIN rw_catalog.rw_relations AS r ON r.id = c.relation_id
JOIN rw_catalog.rw_schemas AS sc ON sc.id = r.schema_id
WHERE r.name = ANY($1::varchar[]) AND r.relation_type IN ('materialized view', 'table') AND NOT c.is_hidden
ORDER BY r.name, c.position`;

const MATERIALIZED_VIEWS_SQL = `
SELECT m.name, m.status, m.definition, count(c.name) AS column_count
FROM rw_catalog.rw_materialized_views AS m
LEFT JOIN rw_catalog.rw_columns AS c ON c.relation_id = m.id AND NOT c.is_hidden
GROUP BY m.name, m.status, m.definition
ORDER BY m.name`;

export type MaterializedViewSummary = { name: string; status: string; definition: string; columnCount: number };

/** Where an MV lives and what it holds: the `schema.name` to select from, and its visible columns. */
export type LiveRelation = { schema: string; name: string; columns: LiveColumn[] };

/** Each named MV (or table) with its schema and visible columns, in one round trip; absent names are absent. */
export async function listRelations(names: string[]): Promise<Map<string, LiveRelation>> {
  const relations = new Map<string, LiveRelation>();
  if (names.length === 0) return relations;
  const rows = await queryRisingWave<{ relation: string; schema_name: string; name: string; data_type: string; is_primary_key: boolean }>(
    COLUMNS_SQL,
    [names],
  );
  for (const row of rows) {
    const relation = relations.get(row.relation) ?? { schema: row.schema_name, name: row.relation, columns: [] };
    relation.columns.push({ name: row.name, dataType: row.data_type, isPrimaryKey: row.is_primary_key });
    relations.set(row.relation, relation);
  }
  return relations;
}

/** The visible columns of each named MV (or table). */
export async function listColumns(names: string[]): Promise<Map<string, LiveColumn[]>> {
  return new Map([...(await listRelations(names))].map(([name, relation]) => [name, relation.columns]));
}

export async function listMaterializedViews(): Promise<MaterializedViewSummary[]> {
  const rows = await queryRisingWave<{ name: string; status: string; definition: string; column_count: string }>(MATERIALIZED_VIEWS_SQL);
  return rows.map((row) => ({ name: row.name, status: row.status, definition: row.definition, columnCount: Number(row.column_count) }));
}
