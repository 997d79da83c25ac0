// Writes the emulated cluster's catalog: every relation, column, job, fragment, state table and edge.
import type { Pool, PoolClient } from "pg";
import { CATALOG_DDL } from "./catalog-ddl";
import { insertRows, qualified, quoteIdent } from "./db";
import type { RelationSpec } from "./pipeline";
import { TYPE_INFO } from "./sql-types";

export const DATABASE_ID = 1;
export const PUBLIC_SCHEMA_ID = 5;
/** Another database of the cluster: its barrier and sink events share rw_event_logs with ours (§11.12). */
export const OTHER_DATABASE_ID = 7;
const SCHEMA_IDS: Record<string, number> = { public: PUBLIC_SCHEMA_ID, risk: 6 };
/** Connector tables' hidden sources get ids of their own (object ids are unique across kinds). */
const HIDDEN_SOURCE_ID_OFFSET = 200_000;
export const ROOT_USER_ID = 1;
export const CLUSTER_VERSION = "3.0.3";
const FIRST_INTERNAL_TABLE_ID = 100_001;
const VNODES = 256;

export type StateTable = { id: number; job: string };
/** What the running stream needs to know about the catalog it wrote. */
export type CatalogLayout = {
  relations: Map<string, RelationSpec>;
  /** State tables (MV/table storage and internal tables) per job name: their epochs advance together. */
  stateTables: StateTable[];
  /** Fragment id of each job's first fragment (Kafka lag rows name the source fragment). */
  fragmentOf: Map<string, number>;
};

const STORAGE_KINDS = new Set(["table", "materialized view"]);

export const hasStorage = (relation: RelationSpec) => STORAGE_KINDS.has(relation.kind);

export const schemaIdOf = (schema: string) => SCHEMA_IDS[schema] ?? PUBLIC_SCHEMA_ID;

/** The table holding an MV's or table's rows in its schema, with RisingWave's hidden _rw_timestamp. */
export function storageTableDdl(relation: Pick<RelationSpec, "schema" | "name" | "columns">): string {
  const { columns } = relation;
  const keys = columns.filter((column) => column.primaryKey).map((column) => quoteIdent(column.name));
  const body = columns.map(
    (column) => `${quoteIdent(column.name)} ${TYPE_INFO[column.type].postgres}${column.nullable ? "" : " NOT NULL"}`,
  );
  const table = qualified(relation);
  return `DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (${[...body, "_rw_timestamp timestamptz NOT NULL DEFAULT now()", `PRIMARY KEY (${keys.join(", ")})`].join(", ")})`;
}

function columnRows(relation: RelationSpec) {
  const visible = relation.columns.map((column, index) => ({
    relation_id: relation.id,
    name: column.name,
    position: index + 1,
    is_hidden: false,
    is_primary_key: !!column.primaryKey,
    is_distribution_key: !!column.primaryKey,
    is_generated: false,
    is_nullable: relation.kind === "source" ? true : !!column.nullable,
    generation_expression: null,
    data_type: TYPE_INFO[column.type].dataType,
    type_oid: TYPE_INFO[column.type].typeOid,
    type_len: TYPE_INFO[column.type].typeLen,
    udt_type: TYPE_INFO[column.type].udtType,
  }));
  if (!hasStorage(relation)) return visible;
  const ts = TYPE_INFO.timestamptz;
  return [
    ...visible,
    {
      relation_id: relation.id,
      name: "_rw_timestamp",
      position: visible.length + 1,
      is_hidden: true,
      is_primary_key: false,
      is_distribution_key: false,
      is_generated: false,
      is_nullable: true,
      generation_expression: null,
      data_type: ts.dataType,
      type_oid: ts.typeOid,
      type_len: ts.typeLen,
      udt_type: ts.udtType,
    },
  ];
}

const props = (values: Record<string, string> | null | undefined) =>
  values ? Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { type: "plaintext", value }])) : null;

/** Fragment flags and internal state-table kinds per job kind, as RisingWave plans them. */
function jobShape(relation: RelationSpec): { flags: string[][]; internal: string[] } {
  switch (relation.kind) {
    case "source":
      return { flags: [["SOURCE"]], internal: ["source"] };
    case "table":
      return relation.connector ? { flags: [["SOURCE", "MVIEW"]], internal: ["source"] } : { flags: [["MVIEW", "DML"]], internal: [] };
    case "materialized view":
      return {
        flags: [["MVIEW"], [relation.upstream.some((name) => name === "user_events") ? "SOURCE_SCAN" : "STREAM_SCAN"]],
        internal: ["hashaggstate"],
      };
    case "sink":
      return { flags: [["SINK", "STREAM_SCAN"]], internal: ["sink"] };
  }
}

type Created = { initialized_at: string; created_at: string; initialized_at_cluster_version: string; created_at_cluster_version: string };
const createdAt = (now: string): Created => ({
  initialized_at: now,
  created_at: now,
  initialized_at_cluster_version: CLUSTER_VERSION,
  created_at_cluster_version: CLUSTER_VERSION,
});

/** A relation's rw_relations row. */
export const relationRow = (relation: Pick<RelationSpec, "id" | "name" | "kind" | "schema" | "definition">) => ({
  id: relation.id,
  name: relation.name,
  relation_type: relation.kind,
  schema_id: schemaIdOf(relation.schema),
  owner: ROOT_USER_ID,
  definition: relation.definition,
  acl: [] as string[],
});

/** A job's rw_streaming_jobs row: CREATED, or CREATING while it backfills. */
export const streamingJobRow = (relation: Pick<RelationSpec, "id" | "name">, status: "CREATED" | "CREATING" = "CREATED") => ({
  id: relation.id,
  name: relation.name,
  database_id: DATABASE_ID,
  status,
  parallelism: "adaptive",
  max_parallelism: VNODES,
  resource_group: "default",
});

const baseRow = (relation: RelationSpec, created: Created) => ({
  id: relation.id,
  name: relation.name,
  schema_id: schemaIdOf(relation.schema),
  owner: ROOT_USER_ID,
  definition: relation.definition,
  acl: [] as string[],
  ...created,
});

async function insertSinkRows(db: Pool | PoolClient, sinks: RelationSpec[], created: Created) {
  await insertRows(
    db,
    "rw_catalog.rw_sinks",
    sinks.map((relation) => ({
      ...baseRow(relation, created),
      connector: relation.connector,
      sink_type: relation.sinkType,
      connection_id: null,
      target_table_name: null,
      background_ddl: false,
      connector_props: props(relation.connectorProps),
      format_encode_options: props(relation.formatEncodeOptions),
    })),
  );
  // A sink without FORMAT options holds the jsonb value null, not SQL NULL (§11.8).
  await db.query("UPDATE rw_catalog.rw_sinks SET format_encode_options = 'null'::jsonb WHERE format_encode_options IS NULL");
  await insertRows(
    db,
    "rw_catalog.rw_sink_decouple",
    sinks.map((relation) => ({ sink_id: relation.id, is_decouple: true, watermark_vnode_count: VNODES })),
  );
}

/** A job's fragments, internal tables and state tables; `next` holds the ids to use and moves on. */
function jobRows(
  relation: RelationSpec,
  next: { fragmentId: number; internalId: number },
  fragmentOf: Map<string, number>,
  created: Created,
) {
  const shape = jobShape(relation);
  const own = hasStorage(relation) ? [relation.id] : [];
  const internal = shape.internal.map((kind) => ({ id: next.internalId++, kind }));
  const firstFragment = next.fragmentId;
  fragmentOf.set(relation.name, firstFragment);
  const fragments = shape.flags.map((flags, index) => {
    const upstreamFragments = relation.upstream.map((name) => fragmentOf.get(name)).filter((id): id is number => id !== undefined);
    const fragmentId = next.fragmentId++;
    return {
      fragment_id: fragmentId,
      table_id: relation.id,
      distribution_type: relation.kind === "source" ? "SINGLE" : "HASH",
      state_table_ids: index === 0 ? [...own, ...internal.map((table) => table.id)] : [],
      upstream_fragment_ids: index === shape.flags.length - 1 ? upstreamFragments : [fragmentId + 1],
      flags,
      parallelism: relation.kind === "source" ? 1 : 4,
      max_parallelism: VNODES,
      parallelism_policy: relation.kind === "source" ? "single" : "inherit(adaptive)",
    };
  });
  const internalTables = internal.map((table) => ({
    id: table.id,
    name: `__internal_${relation.name}_${firstFragment}_${table.kind}_${table.id}`,
    schema_id: schemaIdOf(relation.schema),
    job_id: relation.id,
    owner: ROOT_USER_ID,
    definition: "",
    acl: [] as string[],
    ...created,
  }));
  const stateTables: StateTable[] = [...own, ...internal.map((table) => table.id)].map((id) => ({ id, job: relation.name }));
  return { fragments, internalTables, stateTables };
}

/**
 * CREATE SINK after start: the same rows writeCatalog writes for the pipeline's sinks, its internal
 * table committed at `epoch`. The sink joins the layout; the caller replays the MV into it.
 */
export async function addSink(db: PoolClient, layout: CatalogLayout, sink: RelationSpec, now: Date, epoch: bigint): Promise<void> {
  const created = createdAt(now.toISOString());
  const { rows } = await db.query<{ fragment_id: number; internal_id: number }>(
    `SELECT (SELECT coalesce(max(fragment_id), 0) + 1 FROM rw_catalog.rw_fragments) AS fragment_id,
            (SELECT coalesce(max(id), ${FIRST_INTERNAL_TABLE_ID - 1}) + 1 FROM rw_catalog.rw_internal_tables) AS internal_id`,
  );
  const next = { fragmentId: Number(rows[0]!.fragment_id), internalId: Number(rows[0]!.internal_id) };
  const upstream = sink.upstream.map((name) => layout.relations.get(name)?.id ?? 0);
  await insertRows(db, "rw_catalog.rw_relations", [relationRow(sink)]);
  await insertSinkRows(db, [sink], created);
  await insertRows(
    db,
    "rw_catalog.rw_depend",
    upstream.map((refobjid) => ({ objid: sink.id, refobjid })),
  );
  await insertRows(db, "rw_catalog.rw_columns", columnRows(sink));
  await insertRows(db, "rw_catalog.rw_streaming_jobs", [streamingJobRow(sink)]);
  const job = jobRows(sink, next, layout.fragmentOf, created);
  await insertRows(db, "rw_catalog.rw_fragments", job.fragments);
  await insertRows(db, "rw_catalog.rw_internal_tables", job.internalTables);
  await insertRows(
    db,
    "rw_catalog.rw_hummock_snapshot",
    job.stateTables.map((table) => ({ table_id: table.id, committed_epoch: epoch.toString() })),
  );
  layout.relations.set(sink.name, sink);
  layout.stateTables.push(...job.stateTables);
}

/**
 * DROP SINK / DROP MATERIALIZED VIEW: every catalog row of the job goes (relation, kind row, columns,
 * edges, job, fragments, internal and state tables, stats, progress). The layout forgets its state
 * tables; the caller decides what happens to the spec.
 */
export async function removeFromCatalog(db: PoolClient, layout: CatalogLayout, relation: RelationSpec): Promise<void> {
  const stateIds = layout.stateTables.filter((table) => table.job === relation.name).map((table) => table.id);
  await db.query(
    `WITH gone AS (SELECT $1::int AS id)
     , internal AS (DELETE FROM rw_catalog.rw_internal_tables WHERE job_id = $1 RETURNING id)
     , r AS (DELETE FROM rw_catalog.rw_relations WHERE id = $1)
     , mv AS (DELETE FROM rw_catalog.rw_materialized_views WHERE id = $1)
     , sink AS (DELETE FROM rw_catalog.rw_sinks WHERE id = $1)
     , decouple AS (DELETE FROM rw_catalog.rw_sink_decouple WHERE sink_id = $1)
     , dep AS (DELETE FROM rw_catalog.rw_depend WHERE objid = $1)
     , cols AS (DELETE FROM rw_catalog.rw_columns WHERE relation_id = $1)
     , job AS (DELETE FROM rw_catalog.rw_streaming_jobs WHERE id = $1)
     , frag AS (DELETE FROM rw_catalog.rw_fragments WHERE table_id = $1)
     , progress AS (DELETE FROM rw_catalog.rw_ddl_progress WHERE ddl_id = $1)
     , snap AS (DELETE FROM rw_catalog.rw_hummock_snapshot WHERE table_id = ANY($2::int[]) OR table_id = $1)
     , stats AS (DELETE FROM rw_catalog.rw_table_stats WHERE id = ANY($2::int[]) OR id = $1)
     SELECT count(*) FROM gone`,
    [relation.id, stateIds],
  );
  layout.stateTables = layout.stateTables.filter((table) => table.job !== relation.name);
  layout.fragmentOf.delete(relation.name);
}

/** Recreates rw_catalog and the storage tables, then writes every catalog row for the pipeline. */
export async function writeCatalog(db: Pool | PoolClient, relations: RelationSpec[], startedAt: Date): Promise<CatalogLayout> {
  await db.query(CATALOG_DDL);
  const now = startedAt.toISOString();
  const owner = ROOT_USER_ID;
  const acl: string[] = [];
  const byName = new Map(relations.map((relation) => [relation.name, relation]));
  const created = createdAt(now);

  await insertRows(db, "rw_catalog.rw_databases", [
    { id: DATABASE_ID, name: "dev", owner, acl, resource_group: "default", barrier_interval_ms: 1000, checkpoint_frequency: 1 },
    { id: OTHER_DATABASE_ID, name: "analytics", owner, acl, resource_group: "default", barrier_interval_ms: 1000, checkpoint_frequency: 1 },
  ]);
  await insertRows(db, "rw_catalog.rw_schemas", [
    { id: 2, name: "pg_catalog", owner, acl },
    { id: 3, name: "information_schema", owner, acl },
    { id: 4, name: "rw_catalog", owner, acl },
    ...Object.entries(SCHEMA_IDS).map(([name, id]) => ({ id, name, owner, acl })),
  ]);
  await insertRows(db, "rw_catalog.rw_worker_nodes", [
    { id: 1, host: "127.0.0.1", port: "5690", type: "WORKER_TYPE_META", state: "RUNNING", rw_version: CLUSTER_VERSION, started_at: now },
    {
      id: 2,
      host: "127.0.0.1",
      port: "4566",
      type: "WORKER_TYPE_FRONTEND",
      state: "RUNNING",
      rw_version: CLUSTER_VERSION,
      started_at: now,
    },
    {
      id: 3,
      host: "127.0.0.1",
      port: "5688",
      type: "WORKER_TYPE_COMPUTE_NODE",
      state: "RUNNING",
      parallelism: 4,
      is_streaming: true,
      is_serving: true,
      internal_rpc_host_addr: "127.0.0.1:5688",
      rw_version: CLUSTER_VERSION,
      system_total_memory_bytes: 8 * 1024 ** 3,
      system_total_cpu_cores: 4,
      started_at: now,
      resource_group: "default",
    },
    {
      id: 4,
      host: "127.0.0.1",
      port: "6660",
      type: "WORKER_TYPE_COMPACTOR",
      state: "RUNNING",
      rw_version: CLUSTER_VERSION,
      started_at: now,
      is_iceberg_compactor: false,
    },
  ]);

  // A table WITH (connector …) has a hidden source of the same name (§1.6: associated_table_id).
  const hiddenSources = relations
    .filter((relation) => relation.kind === "table" && relation.connector)
    .map((table) => ({ ...table, id: HIDDEN_SOURCE_ID_OFFSET + table.id, kind: "source" as const, associatedTableId: table.id }));
  const base = (relation: RelationSpec) => baseRow(relation, created);
  const of = (kind: RelationSpec["kind"]) => relations.filter((relation) => relation.kind === kind);

  await insertRows(db, "rw_catalog.rw_relations", [...relations, ...hiddenSources].map(relationRow));
  await insertRows(
    db,
    "rw_catalog.rw_materialized_views",
    of("materialized view").map((relation) => ({
      ...base(relation),
      schema_name: relation.schema,
      append_only: false,
      background_ddl: false,
      status: "Created",
    })),
  );
  await insertRows(
    db,
    "rw_catalog.rw_tables",
    of("table").map((relation) => ({ ...base(relation), append_only: false, refreshable: false })),
  );
  await insertRows(
    db,
    "rw_catalog.rw_sources",
    [...of("source").map((source) => ({ ...source, associatedTableId: null as number | null })), ...hiddenSources].map((relation) => ({
      ...base(relation),
      connector: relation.connector,
      columns: relation.columns.map((column) => column.name),
      format: relation.format ?? null,
      row_encode: relation.rowEncode ?? null,
      append_only: relation.associatedTableId === null,
      associated_table_id: relation.associatedTableId,
      connection_id: null,
      is_shared: relation.associatedTableId === null,
      connector_props: props(relation.connectorProps),
      format_encode_options: props(relation.formatEncodeOptions) ?? {},
    })),
  );
  await insertSinkRows(db, of("sink"), created);
  await insertRows(
    db,
    "rw_catalog.rw_depend",
    relations.flatMap((relation) => relation.upstream.map((name) => ({ objid: relation.id, refobjid: byName.get(name)?.id ?? 0 }))),
  );
  await insertRows(db, "rw_catalog.rw_columns", relations.flatMap(columnRows));
  await insertRows(
    db,
    "rw_catalog.rw_streaming_jobs",
    relations.map((relation) => streamingJobRow(relation)),
  );

  const fragments: Record<string, unknown>[] = [];
  const internalTables: Record<string, unknown>[] = [];
  const stateTables: StateTable[] = [];
  const fragmentOf = new Map<string, number>();
  const next = { fragmentId: 1, internalId: FIRST_INTERNAL_TABLE_ID };
  for (const relation of relations) {
    const job = jobRows(relation, next, fragmentOf, created);
    fragments.push(...job.fragments);
    internalTables.push(...job.internalTables);
    stateTables.push(...job.stateTables);
  }
  await insertRows(db, "rw_catalog.rw_fragments", fragments);
  await insertRows(db, "rw_catalog.rw_internal_tables", internalTables);
  await insertRows(
    db,
    "rw_catalog.rw_table_stats",
    relations.filter(hasStorage).map((relation) => ({ id: relation.id, total_key_count: 0, total_key_size: 0, total_value_size: 0 })),
  );

  for (const schema of new Set(relations.map((relation) => relation.schema))) {
    if (schema !== "public") await db.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)}`);
  }
  for (const relation of relations.filter(hasStorage)) await db.query(storageTableDdl(relation));
  return { relations: byName, stateTables, fragmentOf };
}
