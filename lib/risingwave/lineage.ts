import "server-only";
import { queryRisingWave } from "./pool";

// The whole streaming graph in two statements, whatever its size: relations with their connector
// options, and rw_depend edges. Internal and system tables are not lineage.
const RELATIONS_SQL = `
SELECT r.id, r.name, r.relation_type, sc.name AS schema_name,
       COALESCE(so.connector, si.connector) AS connector,
       COALESCE(so.connector_props, si.connector_props) AS connector_props,
       so.associated_table_id, si.target_table_name, m.status AS mv_status
FROM rw_catalog.rw_relations AS r
LEFT JOIN rw_catalog.rw_schemas AS sc ON sc.id = r.schema_id
LEFT JOIN rw_catalog.rw_sources AS so ON so.id = r.id
LEFT JOIN rw_catalog.rw_sinks AS si ON si.id = r.id
LEFT JOIN rw_catalog.rw_materialized_views AS m ON m.id = r.id
WHERE r.relation_type IN ('source', 'table', 'materialized view', 'view', 'index', 'sink')`;

const DEPEND_SQL = `SELECT objid AS downstream, refobjid AS upstream FROM rw_catalog.rw_depend`;

// A table WITH (connector …) keeps its options on its hidden source (associated_table_id).
const DEFINITION_SQL = `
SELECT r.definition, COALESCE(so.connector_props, hidden.connector_props, si.connector_props) AS connector_props
FROM rw_catalog.rw_relations AS r
LEFT JOIN rw_catalog.rw_sources AS so ON so.id = r.id
LEFT JOIN rw_catalog.rw_sources AS hidden ON hidden.associated_table_id = r.id
LEFT JOIN rw_catalog.rw_sinks AS si ON si.id = r.id
WHERE r.id = $1::int4`;

/** A WITH option as RisingWave stores it: plaintext, or a reference to a secret. */
export type ConnectorProp = { type: string; value: unknown };

export type CatalogRelation = {
  id: number;
  name: string;
  kind: "source" | "table" | "materialized view" | "view" | "index" | "sink";
  schema: string | null;
  connector: string | null;
  connectorProps: Record<string, ConnectorProp> | null;
  associatedTableId: number | null;
  targetTableName: string | null;
  mvStatus: string | null;
};

export type LineageCatalog = { relations: CatalogRelation[]; depends: { downstream: number; upstream: number }[] };

export async function readLineageCatalog(): Promise<LineageCatalog> {
  const [relations, depends] = await Promise.all([
    queryRisingWave<{
      id: number;
      name: string;
      relation_type: CatalogRelation["kind"];
      schema_name: string | null;
      connector: string | null;
      connector_props: Record<string, ConnectorProp> | null;
      associated_table_id: number | null;
      target_table_name: string | null;
      mv_status: string | null;
    }>(RELATIONS_SQL),
    queryRisingWave<{ downstream: number; upstream: number }>(DEPEND_SQL),
  ]);
  return {
    relations: relations.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.relation_type,
      schema: row.schema_name,
      connector: row.connector,
      connectorProps: row.connector_props,
      associatedTableId: row.associated_table_id,
      targetTableName: row.target_table_name,
      mvStatus: row.mv_status,
    })),
    depends,
  };
}

/** One relation's CREATE statement and options (unmasked: callers mask before showing). */
export async function readRelationDefinition(
  id: number,
): Promise<{ definition: string; connectorProps: Record<string, ConnectorProp> | null } | null> {
  const [row] = await queryRisingWave<{ definition: string; connector_props: Record<string, ConnectorProp> | null }>(DEFINITION_SQL, [id]);
  return row ? { definition: row.definition, connectorProps: row.connector_props } : null;
}
