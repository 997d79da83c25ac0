// Each fault, observed through the SQL Tideline sends to RisingWave (rw_catalog) and through Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRIFT_USERS, type Emulator } from "@/emulator/emulator";
import { queueDdl } from "@/emulator/ddl-command";
import { clearFaults, setFault } from "@/emulator/faults";
import { unixMsFromEpoch } from "@/emulator/epoch";
import { startTestEmulator } from "../support/emulator";

let emulator: Emulator;
let clock = Date.now();
const barriers = async (count: number) => {
  for (let index = 0; index < count; index++) await emulator.tick((clock += 1_000));
};

const committedAt = async () => {
  const { rows } = await emulator.pool.query<{ name: string; committed_epoch: string }>(
    `SELECT m.name, s.committed_epoch FROM rw_catalog.rw_materialized_views AS m
     JOIN rw_catalog.rw_hummock_snapshot AS s ON s.table_id = m.id`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, unixMsFromEpoch(BigInt(row.committed_epoch))]));
};

beforeAll(async () => {
  ({ emulator } = await startTestEmulator({ rate: 500, backfillSeconds: 3 }));
  await barriers(2);
});
afterAll(() => emulator.stop());

describe("emulator faults", () => {
  it("stall: that MV's committed epoch and rows stop while the others go on; resume restarts them", async () => {
    await setFault(emulator.pool, "stall", "user_features_1h");
    await barriers(1);
    const before = await committedAt();
    const rowsBefore = await emulator.pool.query("SELECT max(_rw_timestamp) AS t FROM public.user_features_1h");
    await barriers(3);
    const after = await committedAt();
    expect(after.user_features_1h).toBe(before.user_features_1h);
    expect(after.user_item_affinity).toBe((before.user_item_affinity ?? 0) + 3_000);
    const rowsAfter = await emulator.pool.query("SELECT max(_rw_timestamp) AS t FROM public.user_features_1h");
    expect(rowsAfter.rows[0].t).toEqual(rowsBefore.rows[0].t);

    await clearFaults(emulator.pool, "user_features_1h");
    await barriers(1);
    expect((await committedAt()).user_features_1h).toBe(clock);
  });

  it("lag: rw_kafka_job_lag reports a growing lag on user_events' partitions, once per job reading them", async () => {
    const lag = async () => {
      const { rows } = await emulator.pool.query<{ lag: string; jobs: string }>(
        `SELECT max(l.lag) AS lag, count(DISTINCT l.job_id) AS jobs FROM rw_catalog.rw_kafka_job_lag AS l JOIN rw_catalog.rw_sources AS s ON s.id = l.source_id
         WHERE s.name = 'user_events' GROUP BY l.partition_id`,
      );
      expect(rows.map((row) => Number(row.jobs))).toEqual([4, 4, 4]); // user_features_1h, user_item_affinity, category_daily_stats, session_activity
      return rows.reduce((sum, row) => sum + Number(row.lag), 0);
    };
    expect(await lag()).toBe(0);
    await setFault(emulator.pool, "lag", "user_events", { messages: 900 });
    await barriers(3);
    expect(await lag()).toBeGreaterThan(0);
    expect(await lag()).toBeLessThanOrEqual(900);
    await clearFaults(emulator.pool, "user_events");
    await barriers(1);
    expect(await lag()).toBe(0);
  });

  it("fail-sink: SINK_FAIL events name the sink, and the sink stops writing", async () => {
    await setFault(emulator.pool, "fail-sink", "user_features_to_redis", { error: "Redis error: connection refused" });
    await barriers(1);
    const { rows } = await emulator.pool.query(
      `SELECT e.info -> 'sinkFail' ->> 'sinkName' AS sink, e.info -> 'sinkFail' ->> 'error' AS error FROM rw_catalog.rw_event_logs AS e
       JOIN rw_catalog.rw_sinks AS s ON s.id::varchar = e.info -> 'sinkFail' ->> 'sinkId' WHERE e.event_type = 'SINK_FAIL'`,
    );
    expect(rows).toEqual([{ sink: "user_features_to_redis", error: "Redis error: connection refused" }]);
    // Another database's sink of the same name fails too: only its id tells them apart (§11.12).
    const other = await emulator.pool.query(
      "SELECT count(*) AS n FROM rw_catalog.rw_event_logs WHERE event_type = 'SINK_FAIL' AND info -> 'sinkFail' ->> 'sinkName' = 'user_features_to_redis'",
    );
    expect(Number(other.rows[0].n)).toBeGreaterThan(1);
    await clearFaults(emulator.pool, "user_features_to_redis");
  });

  it("prometheus-down: rw_kafka_job_lag fails instead of answering, until resumed", async () => {
    await setFault(emulator.pool, "prometheus-down", "prometheus");
    await expect(emulator.pool.query("SELECT * FROM rw_catalog.rw_kafka_job_lag")).rejects.toThrow(/failed to query Prometheus/);
    await barriers(1); // the stream goes on
    await clearFaults(emulator.pool, "prometheus");
    expect((await emulator.pool.query("SELECT * FROM rw_catalog.rw_kafka_job_lag")).rowCount).toBe(12);
  });

  it("drift stale: Redis keeps the old row while the MV moves on", async () => {
    await barriers(1);
    await setFault(emulator.pool, "drift", "user_features_1h", { mode: "stale" });
    await barriers(1);
    const { rows } = await emulator.pool.query("SELECT event_count_1h FROM public.user_features_1h WHERE user_id = $1", [DRIFT_USERS]);
    const cached = JSON.parse((await emulator.redis.get(`{"user_id":${DRIFT_USERS}}`)) ?? "{}");
    // The MV moved (bumped at once, then recounted over its hour); Redis kept the row of before.
    expect(cached.event_count_1h).not.toBe(Number(rows[0].event_count_1h));
    await clearFaults(emulator.pool, "user_features_1h");
  });

  it("shift: one column's values multiply at once, in the MV and in Redis alike; resume brings them back", async () => {
    const purchases = async () => {
      const { rows } = await emulator.pool.query<{ user_id: string; purchase_count_1h: string; event_count_1h: string }>(
        "SELECT user_id, purchase_count_1h, event_count_1h FROM public.user_features_1h ORDER BY user_id",
      );
      const cached = await emulator.redis.mget(...rows.map((row) => `{"user_id":${row.user_id}}`));
      const inRedis = cached.map((value) => (JSON.parse(value ?? "{}") as { purchase_count_1h?: number }).purchase_count_1h ?? -1);
      const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
      return {
        mv: sum(rows.map((row) => Number(row.purchase_count_1h))),
        redis: sum(inRedis),
        events: sum(rows.map((row) => Number(row.event_count_1h))),
      };
    };
    await barriers(1);
    const before = await purchases();
    await setFault(emulator.pool, "shift", "user_features_1h", { column: "purchase_count_1h", factor: 3 });
    await barriers(1);
    const shifted = await purchases();
    expect(shifted.mv / before.mv).toBeGreaterThan(2.8);
    expect(shifted.mv / before.mv).toBeLessThan(3.2);
    expect(shifted.redis).toBe(shifted.mv); // the sink followed: a shift is drift, not a Redis fault
    expect(shifted.events / before.events).toBeLessThan(1.05); // the other columns stay
    await clearFaults(emulator.pool, "user_features_1h");
    await barriers(1);
    const resumed = await purchases();
    expect(resumed.mv / before.mv).toBeLessThan(1.1);
    expect(resumed.redis).toBe(resumed.mv);
  });

  it("drift missing: the group's keys disappear from Redis", async () => {
    await setFault(emulator.pool, "drift", "order_value_features", { mode: "missing" });
    await barriers(1);
    const { rows } = await emulator.pool.query(
      "SELECT customer_id FROM public.order_value_features WHERE customer_id <= $1 ORDER BY customer_id LIMIT 1",
      [DRIFT_USERS],
    );
    expect(await emulator.redis.exists(`order_features:${rows[0].customer_id}`)).toBe(0);
    await clearFaults(emulator.pool, "order_value_features");
  });

  it("backfill: a _v2 MV shows Creating with rw_ddl_progress, then Created", async () => {
    await setFault(emulator.pool, "backfill", "user_item_affinity");
    await barriers(2);
    const creating = await emulator.pool.query(
      `SELECT m.status, p.progress, p.create_type FROM rw_catalog.rw_materialized_views AS m
       JOIN rw_catalog.rw_ddl_progress AS p ON p.ddl_id = m.id WHERE m.name = 'user_item_affinity_v2'`,
    );
    expect(creating.rows[0]?.status).toBe("Creating");
    expect(creating.rows[0]?.create_type).toBe("BACKGROUND");
    expect(creating.rows[0]?.progress).toMatch(/^\d+\.\d\d% \(\d+\/\d+\)$/);
    await barriers(3);
    const done = await emulator.pool.query(
      `SELECT m.status, m.created_at, (SELECT count(*) FROM rw_catalog.rw_ddl_progress WHERE ddl_id = m.id) AS progress_rows
       FROM rw_catalog.rw_materialized_views AS m WHERE m.name = 'user_item_affinity_v2'`,
    );
    expect(done.rows[0]).toMatchObject({ status: "Created", progress_rows: "0" });
    expect(done.rows[0].created_at).toBeInstanceOf(Date);
  });
  it("sql: the checklist's CREATE SINK and DROPs change the catalog as RisingWave would; the new sink writes Redis", async () => {
    const prefix = `v2_${process.pid}_${Date.now()}`; // Redis outlives runs: this run's keys only
    await expect(queueDdl(emulator.pool, "DROP MATERIALIZED VIEW user_item_affinity;")).rejects.toThrow(
      /sink user_item_affinity_to_redis depends on it/,
    );
    await expect(queueDdl(emulator.pool, "DROP TABLE orders_cdc")).rejects.toThrow(/not: DROP TABLE/);
    await queueDdl(
      emulator.pool,
      `CREATE SINK affinity_v2_to_redis FROM user_item_affinity_v2 WITH (connector = 'redis', primary_key = 'user_id,category', redis.url = 'redis://h')
       FORMAT UPSERT ENCODE TEMPLATE (key_format = '${prefix}:{user_id}:{category}', value_format = '{category_views_24h}');`,
    );
    await barriers(1);
    const sink = await emulator.pool.query(
      `SELECT r.relation_type, s.sink_type, s.connector, mv.name AS reads, (SELECT count(*) FROM rw_catalog.rw_internal_tables WHERE job_id = r.id) AS internal,
         (SELECT bool_or('SINK' = ANY(flags)) FROM rw_catalog.rw_fragments WHERE table_id = r.id) AS sink_fragment
       FROM rw_catalog.rw_relations AS r JOIN rw_catalog.rw_sinks AS s ON s.id = r.id
       JOIN rw_catalog.rw_depend AS d ON d.objid = r.id JOIN rw_catalog.rw_relations AS mv ON mv.id = d.refobjid
       WHERE r.name = 'affinity_v2_to_redis'`,
    );
    expect(sink.rows).toEqual([
      {
        relation_type: "sink",
        sink_type: "SINK_TYPE_UPSERT",
        connector: "REDIS",
        reads: "user_item_affinity_v2",
        internal: "1",
        sink_fragment: true,
      },
    ]);
    const rows = Number((await emulator.pool.query("SELECT count(*) AS n FROM public.user_item_affinity_v2")).rows[0].n);
    expect(rows).toBeGreaterThan(0);
    const written = await emulator.redis.keys(`${prefix}:*`);
    expect(written.length).toBe(rows);
    await emulator.redis.del(...written);

    await queueDdl(emulator.pool, "DROP SINK user_item_affinity_to_redis;\nDROP MATERIALIZED VIEW user_item_affinity;");
    const before = await committedAt();
    await barriers(2);
    const orphans = await emulator.pool.query(
      `SELECT (SELECT count(*) FROM rw_catalog.rw_relations WHERE name IN ('user_item_affinity', 'user_item_affinity_to_redis')) AS gone,
         (SELECT count(*) FROM rw_catalog.rw_depend AS d WHERE NOT EXISTS (SELECT 1 FROM rw_catalog.rw_relations AS r WHERE r.id = d.objid)) AS edges,
         (SELECT count(*) FROM rw_catalog.rw_fragments AS f WHERE NOT EXISTS (SELECT 1 FROM rw_catalog.rw_relations AS r WHERE r.id = f.table_id)) AS fragments,
         (SELECT count(*) FROM rw_catalog.rw_hummock_snapshot AS h WHERE NOT EXISTS (SELECT 1 FROM rw_catalog.rw_relations AS r WHERE r.id = h.table_id)
            AND NOT EXISTS (SELECT 1 FROM rw_catalog.rw_internal_tables AS i WHERE i.id = h.table_id)) AS snapshots`,
    );
    expect(orphans.rows[0]).toEqual({ gone: "0", edges: "0", fragments: "0", snapshots: "0" });
    const after = await committedAt();
    expect(after.user_item_affinity).toBeUndefined();
    expect(after.user_item_affinity_v2).toBe((before.user_item_affinity_v2 ?? 0) + 2_000); // v2 goes on without v1 in the catalog
  });

  it("clock: the cluster's time moves by the offset, and files roll into the new UTC day", async () => {
    const nextMidnight = Math.ceil((clock + 60_000) / 86_400_000) * 86_400_000;
    await setFault(emulator.pool, "clock", "cluster", { offsetMs: nextMidnight - 2_000 - (clock + 1_000) });
    await barriers(8);
    const epochs = await committedAt();
    expect(epochs.user_features_1h).toBeGreaterThanOrEqual(nextMidnight);
    const { rows } = await emulator.pool.query("SELECT max(last_event_ts) AS t FROM public.user_features_1h");
    expect((rows[0].t as Date).getTime()).toBeGreaterThan(nextMidnight - 5_000);
    await setFault(emulator.pool, "clock", "cluster", { offsetMs: 0 });
    await clearFaults(emulator.pool, "all"); // the clock stays: resume all does not move time back
    expect((await emulator.pool.query("SELECT 1 FROM emulator_control.faults WHERE kind = 'clock'")).rowCount).toBe(1);
    await emulator.pool.query("DELETE FROM emulator_control.faults WHERE kind = 'clock'");
  });
});
