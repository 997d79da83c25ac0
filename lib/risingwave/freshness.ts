import "server-only";
import { qualifiedName, quoteIdent } from "./identifiers";
import { AppError } from "../errors";
import { multimap } from "../multimap";
import { queryRisingWave } from "./pool";

// The catalog state behind the freshness board travels in one statement whatever the number of
// groups: each relation's rows become one jsonb column (scalar subqueries over jsonb_agg, both
// allowed in RisingWave batch, risingwave-sql.md 5d, 6b, 10i). Kafka lag has its own statement: it
// fails when Prometheus is unreachable, which must leave the rest standing. Epochs and counts travel
// as text (u64 in a JSON number loses digits), times as unix milliseconds (jsonb renders timestamps
// differently in RisingWave and PostgreSQL).

const MV_ROWS = `
SELECT m.id, m.name, m.status, sc.name AS schema_name, s.committed_epoch::varchar AS committed_epoch,
  ts.total_key_count::varchar AS key_count
FROM rw_catalog.rw_materialized_views AS m
JOIN rw_catalog.rw_schemas AS sc ON sc.id = m.schema_id
LEFT JOIN rw_catalog.rw_hummock_snapshot AS s ON s.table_id = m.id
LEFT JOIN rw_catalog.rw_table_stats AS ts ON ts.id = m.id
WHERE m.name = ANY($1::varchar[])`;

// Only what eventTimeColumn chooses from: timestamp columns and the columns groups name ($2).
const TIME_COLUMN_ROWS = `
SELECT m.name AS mv, c.name, c.data_type, c.is_primary_key, c.position
FROM rw_catalog.rw_columns AS c
JOIN rw_catalog.rw_materialized_views AS m ON m.id = c.relation_id
WHERE m.name = ANY($1::varchar[]) AND NOT c.is_hidden
  AND (c.data_type IN ('timestamp with time zone', 'timestamp without time zone') OR c.name = ANY($2::varchar[]))`;

const EDGE_ROWS = `
SELECT d.objid AS downstream, d.refobjid AS upstream
FROM rw_catalog.rw_depend AS d
JOIN rw_catalog.rw_relations AS r ON r.id = d.objid`;

// A table WITH (connector …) reads through a hidden source of the same name (associated_table_id).
const SOURCE_ROWS = `SELECT id, name, connector, associated_table_id FROM rw_catalog.rw_sources`;

const SINK_ROWS = `
SELECT s.id, s.name, s.connector, j.status, dc.is_decouple
FROM rw_catalog.rw_sinks AS s
LEFT JOIN rw_catalog.rw_streaming_jobs AS j ON j.id = s.id
LEFT JOIN rw_catalog.rw_sink_decouple AS dc ON dc.sink_id = s.id`;

// rw_event_logs is cluster-wide (§11.12): sink failures of this database's sinks only, by id, and
// barriers of the databases the MVs live in.
const SINK_FAILURE_ROWS = `
SELECT s.id AS sink_id, s.name AS sink_name, (extract(epoch FROM e."timestamp") * 1000)::int8 AS at_ms,
  e.info -> 'sinkFail' ->> 'error' AS error
FROM rw_catalog.rw_event_logs AS e
JOIN rw_catalog.rw_sinks AS s ON s.id::varchar = e.info -> 'sinkFail' ->> 'sinkId'
WHERE e.event_type = 'SINK_FAIL'`;

const BARRIER_ROWS = `
SELECT e.info -> 'barrierComplete' -> 'durationSec' AS duration_sec, (extract(epoch FROM e."timestamp") * 1000)::int8 AS at_ms
FROM rw_catalog.rw_event_logs AS e
JOIN (
  SELECT DISTINCT j.database_id
  FROM rw_catalog.rw_streaming_jobs AS j
  JOIN rw_catalog.rw_materialized_views AS m ON m.id = j.id
  WHERE m.name = ANY($1::varchar[])
) AS d ON d.database_id::varchar = e.info -> 'barrierComplete' ->> 'databaseId'
WHERE e.event_type = 'BARRIER_COMPLETE'`;

const DDL_PROGRESS_ROWS = `
SELECT ddl_id::varchar AS ddl_id, ddl_statement, progress, create_type, backfill_type,
  (extract(epoch FROM initialized_at) * 1000)::int8 AS initialized_at_ms
FROM rw_catalog.rw_ddl_progress`;

/** `(SELECT jsonb_agg(…) FROM (rows) AS x) AS name`: a relation's rows as one jsonb array column. */
function jsonbColumn(name: string, rowsSql: string, fields: string[], orderBy = ""): string {
  const object = `jsonb_build_object(${fields.map((field) => `'${field}', x.${field}`).join(", ")})`;
  return `(SELECT coalesce(jsonb_agg(${object}${orderBy ? ` ORDER BY ${orderBy}` : ""}), '[]'::jsonb) FROM (${rowsSql}) AS x) AS ${name}`;
}

const PIPELINE_STATE_SQL = `SELECT
${[
  jsonbColumn("mvs", MV_ROWS, ["id", "name", "status", "schema_name", "committed_epoch", "key_count"]),
  jsonbColumn("time_columns", TIME_COLUMN_ROWS, ["mv", "name", "data_type", "is_primary_key"], "x.mv, x.position"),
  jsonbColumn("edges", EDGE_ROWS, ["downstream", "upstream"]),
  jsonbColumn("sources", SOURCE_ROWS, ["id", "name", "connector", "associated_table_id"]),
  jsonbColumn("sinks", SINK_ROWS, ["id", "name", "connector", "status", "is_decouple"]),
  jsonbColumn("sink_failures", SINK_FAILURE_ROWS, ["sink_id", "sink_name", "at_ms", "error"], "x.at_ms DESC"),
  jsonbColumn("barriers", BARRIER_ROWS, ["duration_sec"], "x.at_ms DESC"),
  jsonbColumn("ddl_progress", DDL_PROGRESS_ROWS, [
    "ddl_id",
    "ddl_statement",
    "progress",
    "create_type",
    "backfill_type",
    "initialized_at_ms",
  ]),
].join(",\n")}`;

// rw_kafka_job_lag has a row per (job, fragment, partition): a topic read by N jobs appears N times.
// Per source: the most-behind job per partition, summed over partitions (§11.9).
const KAFKA_LAG_SQL = `
SELECT per_partition.source_id, sum(per_partition.lag)::varchar AS lag, count(*) AS partitions
FROM (
  SELECT source_id, partition_id, max(lag) AS lag
  FROM rw_catalog.rw_kafka_job_lag
  GROUP BY source_id, partition_id
) AS per_partition
GROUP BY per_partition.source_id`;

export type MvState = {
  id: number;
  name: string;
  status: string;
  schema: string;
  committedEpoch: string | null;
  /** rw_table_stats' estimate; null when the MV has no stats yet. */
  keyCount: number | null;
};
export type TimeColumn = { mv: string; name: string; dataType: string; isPrimaryKey: boolean };
export type SinkRow = { id: number; name: string; connector: string; jobStatus: string | null; decoupled: boolean | null };
export type SinkFailure = { sinkId: number; sinkName: string; error: string; at: Date };
export type DdlProgress = {
  ddlId: number;
  statement: string;
  progress: string;
  createType: string;
  backfillType: string;
  initializedAt: Date | null;
};

export type PipelineState = {
  mvs: MvState[];
  /** Per MV, in column order, the columns event time may be read from (see eventTimeColumn). */
  timeColumns: Map<string, TimeColumn[]>;
  edges: { downstream: number; upstream: number }[];
  sources: { id: number; name: string; connector: string; associatedTableId: number | null }[];
  /** null: rw_kafka_job_lag failed (Prometheus unreachable), so lag is unknown for every source. */
  kafkaLag: Map<number, { lag: number; partitions: number }> | null;
  sinks: SinkRow[];
  sinkFailures: SinkFailure[];
  barrierDurationsSeconds: number[];
  ddlProgress: DdlProgress[];
  /** RisingWave statements this read cost. */
  statements: number;
};

type CatalogRow = {
  mvs: { id: number; name: string; status: string; schema_name: string; committed_epoch: string | null; key_count: string | null }[];
  time_columns: { mv: string; name: string; data_type: string; is_primary_key: boolean }[];
  edges: { downstream: number; upstream: number }[];
  sources: { id: number; name: string; connector: string; associated_table_id: number | null }[];
  sinks: { id: number; name: string; connector: string; status: string | null; is_decouple: boolean | null }[];
  sink_failures: SinkFailureRow[];
  barriers: { duration_sec: unknown }[];
  ddl_progress: {
    ddl_id: string;
    ddl_statement: string;
    progress: string;
    create_type: string;
    backfill_type: string;
    initialized_at_ms: number | string | null;
  }[];
};
type SinkFailureRow = { sink_id: number; sink_name: string; at_ms: number | string; error: string | null };

const toSinkFailure = (row: SinkFailureRow): SinkFailure => ({
  sinkId: row.sink_id,
  sinkName: row.sink_name,
  error: row.error ?? "",
  at: new Date(Number(row.at_ms)),
});

/** Source lag per source id; any error of rw_kafka_job_lag (Prometheus unreachable) means "lag unknown" (§11.9), never a failed page. */
async function readKafkaLag(): Promise<PipelineState["kafkaLag"]> {
  try {
    const rows = await queryRisingWave<{ source_id: number; lag: string; partitions: string }>(KAFKA_LAG_SQL);
    return new Map(rows.map((row) => [row.source_id, { lag: Number(row.lag), partitions: Number(row.partitions) }]));
  } catch (error) {
    if (error instanceof AppError && error.status === 503) throw error; // RisingWave itself is down: the whole board says so
    return null;
  }
}

/** Every SINK_FAIL event of this database's sinks, newest first (one statement). */
export async function readSinkFailures(): Promise<SinkFailure[]> {
  const rows = await queryRisingWave<SinkFailureRow>(`${SINK_FAILURE_ROWS}\nORDER BY at_ms DESC`);
  return rows.map(toSinkFailure);
}

/**
 * The catalog state behind the freshness board in two statements for any number of groups: the
 * catalog in one, Kafka lag in the other. `timeColumnNames`: the timestamp columns groups name.
 */
export async function readPipelineState(mvNames: string[], timeColumnNames: string[]): Promise<PipelineState> {
  const [[catalog], kafkaLag] = await Promise.all([
    queryRisingWave<CatalogRow>(PIPELINE_STATE_SQL, [mvNames, timeColumnNames]),
    readKafkaLag(),
  ]);
  if (!catalog) throw new Error("RisingWave returned no row for the pipeline state");
  const timeColumns = multimap(
    catalog.time_columns.map(
      (row) => [row.mv, { mv: row.mv, name: row.name, dataType: row.data_type, isPrimaryKey: row.is_primary_key }] as const,
    ),
  );
  return {
    mvs: catalog.mvs.map((row) => ({
      id: row.id,
      name: row.name,
      status: row.status,
      schema: row.schema_name,
      committedEpoch: row.committed_epoch,
      keyCount: row.key_count === null ? null : Number(row.key_count),
    })),
    timeColumns,
    edges: catalog.edges,
    sources: catalog.sources.map((row) => ({
      id: row.id,
      name: row.name,
      connector: row.connector,
      associatedTableId: row.associated_table_id,
    })),
    kafkaLag,
    sinks: catalog.sinks.map((row) => ({
      id: row.id,
      name: row.name,
      connector: row.connector,
      jobStatus: row.status,
      decoupled: row.is_decouple,
    })),
    sinkFailures: catalog.sink_failures.map(toSinkFailure),
    barrierDurationsSeconds: catalog.barriers.map((row) => Number(row.duration_sec)).filter(Number.isFinite),
    ddlProgress: catalog.ddl_progress.map((row) => ({
      ddlId: Number(row.ddl_id),
      statement: row.ddl_statement,
      progress: row.progress,
      createType: row.create_type,
      backfillType: row.backfill_type,
      initializedAt: row.initialized_at_ms === null ? null : new Date(Number(row.initialized_at_ms)),
    })),
    statements: 2,
  };
}

/**
 * Event time: max(timestamp column) per MV, all MVs in one UNION ALL statement. On RisingWave this
 * scans each MV, so callers pass only MVs under a row bound (rw_table_stats) and a bounded number.
 * Every branch is cast to one type (§11.10: a chain mixing timestamp and timestamptz fails on
 * RisingWave); a `timestamp` column is read in the session's UTC. Identifiers are quoted.
 */
export async function readEventTimes(targets: { schema: string; mv: string; column: string }[]): Promise<Map<string, Date | null>> {
  const result = new Map<string, Date | null>();
  if (targets.length === 0) return result;
  const parts = targets.map(
    (target, index) =>
      `SELECT $${index + 1}::varchar AS mv, max(${quoteIdent(target.column)})::timestamptz AS latest FROM ${qualifiedName({ schema: target.schema, name: target.mv })}`,
  );
  const rows = await queryRisingWave<{ mv: string; latest: Date | null }>(
    parts.join(" UNION ALL "),
    targets.map((target) => target.mv),
  );
  for (const row of rows) result.set(row.mv, row.latest);
  return result;
}
