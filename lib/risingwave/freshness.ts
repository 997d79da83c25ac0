import "server-only";
import { quoteIdent } from "./identifiers";
import { queryRisingWave } from "./pool";

// Every query below covers all groups at once: the number of round trips per refresh is fixed.

const MV_EPOCHS_SQL = `
SELECT m.id, m.name, m.status, s.committed_epoch::varchar AS committed_epoch
FROM rw_catalog.rw_materialized_views AS m
LEFT JOIN rw_catalog.rw_hummock_snapshot AS s ON s.table_id = m.id
WHERE m.name = ANY($1::varchar[])`;

const EDGES_SQL = `
SELECT d.objid AS downstream, d.refobjid AS upstream
FROM rw_catalog.rw_depend AS d
JOIN rw_catalog.rw_relations AS r ON r.id = d.objid`;

const SOURCES_SQL = `SELECT id, name, connector FROM rw_catalog.rw_sources`;

const KAFKA_LAG_SQL = `
SELECT source_id, sum(lag)::varchar AS lag, count(*) AS partitions
FROM rw_catalog.rw_kafka_job_lag
GROUP BY source_id`;

const SINKS_SQL = `
SELECT s.id, s.name, s.connector, j.status, dc.is_decouple
FROM rw_catalog.rw_sinks AS s
LEFT JOIN rw_catalog.rw_streaming_jobs AS j ON j.id = s.id
LEFT JOIN rw_catalog.rw_sink_decouple AS dc ON dc.sink_id = s.id`;

const EVENTS_SQL = `
SELECT event_type, "timestamp", info
FROM rw_catalog.rw_event_logs
WHERE event_type IN ('SINK_FAIL', 'BARRIER_COMPLETE')
ORDER BY "timestamp" DESC`;

const DDL_PROGRESS_SQL = `SELECT ddl_id::varchar AS ddl_id, ddl_statement, progress, create_type, backfill_type, initialized_at FROM rw_catalog.rw_ddl_progress`;

const TABLE_STATS_SQL = `SELECT id, total_key_count::varchar AS total_key_count FROM rw_catalog.rw_table_stats WHERE id = ANY($1::int4[])`;

export type MvEpoch = { id: number; name: string; status: string; committedEpoch: string | null };
export type SinkRow = { id: number; name: string; connector: string; jobStatus: string | null; decoupled: boolean | null };
export type SinkFailure = { sinkId: number; sinkName: string; error: string; at: Date };
export type DdlProgress = { ddlId: number; statement: string; progress: string; createType: string; backfillType: string; initializedAt: Date | null };

export type PipelineState = {
  mvs: MvEpoch[];
  edges: { downstream: number; upstream: number }[];
  sources: { id: number; name: string; connector: string }[];
  kafkaLag: Map<number, { lag: number; partitions: number }>;
  sinks: SinkRow[];
  sinkFailures: SinkFailure[];
  barrierDurationsSeconds: number[];
  ddlProgress: DdlProgress[];
};

/** The catalog state behind the freshness page, in seven queries for any number of groups. */
export async function readPipelineState(mvNames: string[]): Promise<PipelineState> {
  const [mvs, edges, sources, lag, sinks, events, ddl] = await Promise.all([
    queryRisingWave<{ id: number; name: string; status: string; committed_epoch: string | null }>(MV_EPOCHS_SQL, [mvNames]),
    queryRisingWave<{ downstream: number; upstream: number }>(EDGES_SQL),
    queryRisingWave<{ id: number; name: string; connector: string }>(SOURCES_SQL),
    queryRisingWave<{ source_id: number; lag: string; partitions: string }>(KAFKA_LAG_SQL),
    queryRisingWave<{ id: number; name: string; connector: string; status: string | null; is_decouple: boolean | null }>(SINKS_SQL),
    queryRisingWave<{ event_type: string; timestamp: Date; info: Record<string, Record<string, unknown>> }>(EVENTS_SQL),
    queryRisingWave<{ ddl_id: string; ddl_statement: string; progress: string; create_type: string; backfill_type: string; initialized_at: Date | null }>(DDL_PROGRESS_SQL),
  ]);
  const sinkFailures: SinkFailure[] = [];
  const barrierDurationsSeconds: number[] = [];
  for (const event of events) {
    if (event.event_type === "SINK_FAIL") {
      const info = event.info.sinkFail ?? {};
      sinkFailures.push({ sinkId: Number(info.sinkId ?? 0), sinkName: String(info.sinkName ?? ""), error: String(info.error ?? ""), at: event.timestamp });
    } else if (typeof event.info.barrierComplete?.durationSec === "number") {
      barrierDurationsSeconds.push(event.info.barrierComplete.durationSec);
    }
  }
  return {
    mvs: mvs.map((row) => ({ id: row.id, name: row.name, status: row.status, committedEpoch: row.committed_epoch })),
    edges,
    sources,
    kafkaLag: new Map(lag.map((row) => [row.source_id, { lag: Number(row.lag), partitions: Number(row.partitions) }])),
    sinks: sinks.map((row) => ({ id: row.id, name: row.name, connector: row.connector, jobStatus: row.status, decoupled: row.is_decouple })),
    sinkFailures,
    barrierDurationsSeconds,
    ddlProgress: ddl.map((row) => ({ ddlId: Number(row.ddl_id), statement: row.ddl_statement, progress: row.progress, createType: row.create_type, backfillType: row.backfill_type, initializedAt: row.initialized_at })),
  };
}

/**
 * Event time: max(timestamp column) per MV, all MVs in one UNION ALL statement. On RisingWave this
 * scans each MV, so callers pass only MVs under a row bound (rw_table_stats) and call it sparingly.
 * Identifiers come from the registry (snake_case, validated) and are quoted.
 */
export async function readEventTimes(targets: { mv: string; column: string }[]): Promise<Map<string, Date | null>> {
  const result = new Map<string, Date | null>();
  if (targets.length === 0) return result;
  const parts = targets.map((target, index) => `SELECT $${index + 1}::varchar AS mv, max(${quoteIdent(target.column)}) AS latest FROM public.${quoteIdent(target.mv)}`);
  const rows = await queryRisingWave<{ mv: string; latest: Date | null }>(parts.join(" UNION ALL "), targets.map((target) => target.mv));
  for (const row of rows) result.set(row.mv, row.latest);
  return result;
}

export async function readRowCounts(ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRisingWave<{ id: number; total_key_count: string }>(TABLE_STATS_SQL, [ids]);
  return new Map(rows.map((row) => [row.id, Number(row.total_key_count)]));
}
