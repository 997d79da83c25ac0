import "server-only";
import { qualifiedName, quoteIdent } from "./identifiers";
import { AppError } from "../errors";
import { queryRisingWave } from "./pool";

// Every query below covers all groups at once: the number of round trips per refresh is fixed.

const MV_EPOCHS_SQL = `
SELECT m.id, m.name, m.status, s.committed_epoch::varchar AS committed_epoch
FROM rw_catalog.rw_materialized_views AS m
LEFT JOIN rw_catalog.rw_hummock_snapshot AS s ON s.table_id = m.id
WHERE m.name = ANY($1::varchar[])`;

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

const EDGES_SQL = `
SELECT d.objid AS downstream, d.refobjid AS upstream
FROM rw_catalog.rw_depend AS d
JOIN rw_catalog.rw_relations AS r ON r.id = d.objid`;

// A table WITH (connector …) reads through a hidden source of the same name (associated_table_id).
const SOURCES_SQL = `SELECT id, name, connector, associated_table_id FROM rw_catalog.rw_sources`;

const SINKS_SQL = `
SELECT s.id, s.name, s.connector, j.status, dc.is_decouple
FROM rw_catalog.rw_sinks AS s
LEFT JOIN rw_catalog.rw_streaming_jobs AS j ON j.id = s.id
LEFT JOIN rw_catalog.rw_sink_decouple AS dc ON dc.sink_id = s.id`;

// rw_event_logs is cluster-wide (§11.12): sink failures of this database's sinks only, by id, and
// barriers of the databases the MVs live in.
const SINK_FAILURES_SQL = `
SELECT s.id AS sink_id, s.name AS sink_name, e."timestamp", e.info -> 'sinkFail' ->> 'error' AS error
FROM rw_catalog.rw_event_logs AS e
JOIN rw_catalog.rw_sinks AS s ON s.id::varchar = e.info -> 'sinkFail' ->> 'sinkId'
WHERE e.event_type = 'SINK_FAIL'
ORDER BY e."timestamp" DESC`;

const BARRIERS_SQL = `
SELECT e.info -> 'barrierComplete' -> 'durationSec' AS duration_sec
FROM rw_catalog.rw_event_logs AS e
JOIN (
  SELECT DISTINCT j.database_id
  FROM rw_catalog.rw_streaming_jobs AS j
  JOIN rw_catalog.rw_materialized_views AS m ON m.id = j.id
  WHERE m.name = ANY($1::varchar[])
) AS d ON d.database_id::varchar = e.info -> 'barrierComplete' ->> 'databaseId'
WHERE e.event_type = 'BARRIER_COMPLETE'
ORDER BY e."timestamp" DESC`;

const DDL_PROGRESS_SQL = `SELECT ddl_id::varchar AS ddl_id, ddl_statement, progress, create_type, backfill_type, initialized_at FROM rw_catalog.rw_ddl_progress`;

const TABLE_STATS_SQL = `SELECT id, total_key_count::varchar AS total_key_count FROM rw_catalog.rw_table_stats WHERE id = ANY($1::int4[])`;

export type MvEpoch = { id: number; name: string; status: string; committedEpoch: string | null };
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
  mvs: MvEpoch[];
  edges: { downstream: number; upstream: number }[];
  sources: { id: number; name: string; connector: string; associatedTableId: number | null }[];
  /** null: rw_kafka_job_lag failed (Prometheus unreachable), so lag is unknown for every source. */
  kafkaLag: Map<number, { lag: number; partitions: number }> | null;
  sinks: SinkRow[];
  sinkFailures: SinkFailure[];
  barrierDurationsSeconds: number[];
  ddlProgress: DdlProgress[];
};

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
  const rows = await queryRisingWave<{ sink_id: number; sink_name: string; timestamp: Date; error: string | null }>(SINK_FAILURES_SQL);
  return rows.map((row) => ({ sinkId: row.sink_id, sinkName: row.sink_name, error: row.error ?? "", at: row.timestamp }));
}

/** The catalog state behind the freshness page, in eight queries for any number of groups. */
export async function readPipelineState(mvNames: string[]): Promise<PipelineState> {
  const [mvs, edges, sources, kafkaLag, sinks, sinkFailures, barriers, ddl] = await Promise.all([
    queryRisingWave<{ id: number; name: string; status: string; committed_epoch: string | null }>(MV_EPOCHS_SQL, [mvNames]),
    queryRisingWave<{ downstream: number; upstream: number }>(EDGES_SQL),
    queryRisingWave<{ id: number; name: string; connector: string; associated_table_id: number | null }>(SOURCES_SQL),
    readKafkaLag(),
    queryRisingWave<{ id: number; name: string; connector: string; status: string | null; is_decouple: boolean | null }>(SINKS_SQL),
    readSinkFailures(),
    queryRisingWave<{ duration_sec: unknown }>(BARRIERS_SQL, [mvNames]),
    queryRisingWave<{
      ddl_id: string;
      ddl_statement: string;
      progress: string;
      create_type: string;
      backfill_type: string;
      initialized_at: Date | null;
    }>(DDL_PROGRESS_SQL),
  ]);
  const barrierDurationsSeconds = barriers.map((row) => Number(row.duration_sec)).filter(Number.isFinite);
  return {
    mvs: mvs.map((row) => ({ id: row.id, name: row.name, status: row.status, committedEpoch: row.committed_epoch })),
    edges,
    sources: sources.map((row) => ({ id: row.id, name: row.name, connector: row.connector, associatedTableId: row.associated_table_id })),
    kafkaLag,
    sinks: sinks.map((row) => ({
      id: row.id,
      name: row.name,
      connector: row.connector,
      jobStatus: row.status,
      decoupled: row.is_decouple,
    })),
    sinkFailures,
    barrierDurationsSeconds,
    ddlProgress: ddl.map((row) => ({
      ddlId: Number(row.ddl_id),
      statement: row.ddl_statement,
      progress: row.progress,
      createType: row.create_type,
      backfillType: row.backfill_type,
      initializedAt: row.initialized_at,
    })),
  };
}

/**
 * Event time: max(timestamp column) per MV, all MVs in one UNION ALL statement. On RisingWave this
 * scans each MV, so callers pass only MVs under a row bound (rw_table_stats) and call it sparingly.
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

export async function readRowCounts(ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRisingWave<{ id: number; total_key_count: string }>(TABLE_STATS_SQL, [ids]);
  return new Map(rows.map((row) => [row.id, Number(row.total_key_count)]));
}
