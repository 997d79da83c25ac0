// A RisingWave v3.0.3 cluster as Tideline sees it over the Postgres wire: rw_catalog, MV rows moved
// by a synthetic stream at every barrier, and sinks writing Redis and the archive.
import { Redis } from "ioredis";
import type { Pool, PoolClient } from "pg";
import { createArchiveWriter, type ArchiveWriter } from "./archive-writer";
import {
  DATABASE_ID,
  OTHER_DATABASE_ID,
  addSink,
  hasStorage,
  relationRow,
  removeFromCatalog,
  schemaIdOf,
  storageTableDdl,
  streamingJobRow,
  writeCatalog,
  type CatalogLayout,
} from "./catalog";
import { parseDdl, sinkSpec, type DropStatement, type SinkStatement } from "./ddl";
import { createEmulatorPool, inTransaction, insertRows, qualified, quoteIdent } from "./db";
import { epochFromUnixMs } from "./epoch";
import { deleteFault, indexFaults, readFaults, type Fault, type FaultState } from "./faults";
import {
  writeAffinity,
  writeCategoryDaily,
  writeHighValueCustomers,
  writeOrderFeatures,
  writeScaleGroup,
  writeSessions,
  writeUserFeatureRows,
  writeUserFeatures,
  type MvWrite,
} from "./mv-writes";
import { buildPipeline, scaleGroupName, type RelationSpec } from "./pipeline";
import { createRandom, type Random } from "./random";
import { CACHE_ASIDE, FileSinkWriter, redisKeyFor, writeCacheAside, writeRedisSink } from "./sinks";
import { renderTemplate, type Row } from "./sink-format";
import { seedMaterializedViews } from "./seed";
import { orderHistory } from "./order-history";
import { writeMissingSnapshots } from "./snapshots";
import { UserWindow, type Shifts } from "./user-window";
import { generateTraffic, orderCountFor, type TickTraffic } from "./workload";

export type EmulatorOptions = {
  risingwaveUrl: string;
  redisUrl: string;
  archiveUrl: string;
  s3Endpoint?: string;
  region?: string;
  /** Kafka events per second on user_events. */
  rate: number;
  users: number;
  items: number;
  extraGroups: number;
  entitiesPerGroup: number;
  seed: number;
  barrierIntervalMs: number;
  /** How long a `backfill` fault takes to reach 100%. */
  backfillSeconds: number;
  log: (message: string) => void;
};

export const DEFAULT_OPTIONS = {
  rate: 300,
  users: 5_000,
  items: 500,
  extraGroups: 0,
  entitiesPerGroup: 100,
  seed: 42,
  barrierIntervalMs: 1_000,
  backfillSeconds: 90,
};

/** Users whose rows a drift fault changes at once, so a lookup sees the drift without waiting. */
export const DRIFT_USERS = 50;
const KAFKA_SOURCE = "user_events";
const CDC_SOURCE = "orders_cdc";
const EVENT_LOG_KEEP = 10;
/** A barrier after a pause (or a clock jump) applies at most this much traffic. */
const MAX_TICK_TRAFFIC_MS = 5_000;

/** What a writer may need besides the barrier's traffic: user_features_1h's hour and the active shifts. */
type WriterState = { userWindow: UserWindow; shifts: Shifts };
const WINDOWED_MV = "user_features_1h";

/** The MVs the stream maintains, each from the traffic of one barrier. */
const MV_WRITERS: Record<string, (db: PoolClient, traffic: TickTraffic, now: Date, state: WriterState) => Promise<MvWrite>> = {
  user_features_1h: (db, traffic, now, state) => writeUserFeatures(db, traffic, now, state.userWindow, state.shifts),
  user_item_affinity: writeAffinity,
  order_value_features: writeOrderFeatures,
  high_value_customers: writeHighValueCustomers,
  category_daily_stats: writeCategoryDaily,
  session_activity: writeSessions,
};

type Partition = { highWatermark: bigint; consumerOffset: bigint };

/** Two writes of one barrier in order: the later one's rows are the newer. */
const mergeWrites = (earlier: MvWrite | undefined, later: MvWrite): MvWrite =>
  earlier
    ? {
        rows: [...earlier.rows, ...later.rows],
        deleted: [...earlier.deleted, ...later.deleted],
        inserted: earlier.inserted + later.inserted,
      }
    : later;

export class Emulator {
  private timer: ReturnType<typeof setInterval> | undefined;
  private ticking: Promise<void> | null = null;
  private lastTickMs: number;
  private lastEpoch: bigint;
  private seenFaults = new Set<string>();
  private partitions: Partition[] = [];
  private fileSinks = new Map<string, FileSinkWriter>();
  private random: Random;
  private lastSinkFailEventMs = new Map<string, number>();
  private snapshotDay: string;
  private nextRelationId: number;
  private userWindow = new UserWindow();
  /** A backfilled <mv>_v2 → its source: once created it computes what its source computes, barrier by barrier. */
  private copies = new Map<string, string>();
  /**
   * MVs dropped from the catalog whose computation goes on out of sight: a copy that replaced one
   * (the blue-green switch) still copies its rows. Their storage stays in the emulator's database.
   */
  private dropped = new Set<string>();
  /** MV → the shift factors its rows carry now (applied at the barrier a shift fault appears or ends). */
  private appliedShifts = new Map<string, Shifts>();
  ticks = 0;

  private constructor(
    readonly options: EmulatorOptions,
    readonly pool: Pool,
    readonly redis: Redis,
    readonly archive: ArchiveWriter,
    readonly layout: CatalogLayout,
    startedAt: Date,
  ) {
    this.random = createRandom(options.seed);
    this.lastTickMs = startedAt.getTime();
    this.lastEpoch = epochFromUnixMs(startedAt.getTime());
    this.snapshotDay = startedAt.toISOString().slice(0, 10);
    this.nextRelationId = Math.max(...[...layout.relations.values()].map((relation) => relation.id)) + 1;
  }

  static async create(options: EmulatorOptions, startedAt = new Date()): Promise<Emulator> {
    const pool = createEmulatorPool(options.risingwaveUrl);
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    const archive = createArchiveWriter(options.archiveUrl, options.s3Endpoint, options.region);
    const relations = buildPipeline({
      redisUrl: options.redisUrl,
      archiveBucket: archive.bucket,
      archivePrefix: archive.prefix,
      extraGroups: options.extraGroups,
    });
    const layout = await inTransaction(pool, (client) => writeCatalog(client, relations, startedAt));
    const emulator = new Emulator(options, pool, redis, archive, layout, startedAt);
    await emulator.seedState(startedAt);
    return emulator;
  }

  private relation(name: string): RelationSpec {
    const relation = this.layout.relations.get(name);
    if (!relation) throw new Error(`unknown relation ${name}`);
    return relation;
  }

  private sinksOf(mv: string): RelationSpec[] {
    return [...this.layout.relations.values()].filter((relation) => relation.kind === "sink" && relation.upstream.includes(mv));
  }

  /** Initial rows for every MV (as if the pipeline had been running), Redis keys, offsets, epochs. */
  private async seedState(startedAt: Date) {
    const { users, items } = this.options;
    const committed = startedAt.toISOString();
    await inTransaction(this.pool, async (db) => {
      const orders = orderHistory(this.random, { ordersPerSecond: orderCountFor(this.options.rate), users, nowMs: startedAt.getTime() });
      await seedMaterializedViews(db, startedAt, users, items, orders);
      this.userWindow.fillHistory(this.random, { rate: this.options.rate, users, nowMs: startedAt.getTime() });
      await writeUserFeatureRows(db, this.userWindow, this.userWindow.users(), new Map(), startedAt);
      for (let index = 1; index <= this.options.extraGroups; index++) {
        await db.query(
          `INSERT INTO public.${quoteIdent(scaleGroupName(index))} (entity_id, feature_a, feature_b, feature_c, feature_d, feature_e, updated_at, _rw_timestamp)
           SELECT e, e % 17, (e % 100)::float8 / 3, e % 7, (ARRAY['add_to_cart', 'click', 'purchase', 'view'])[1 + e % 4], e % 5 = 0, $1, $1
           FROM generate_series(1, $2::int) AS e`,
          [committed, this.options.entitiesPerGroup],
        );
      }
      const epoch = epochFromUnixMs(startedAt.getTime()).toString();
      await insertRows(
        db,
        "rw_catalog.rw_hummock_snapshot",
        this.layout.stateTables.map((table) => ({ table_id: table.id, committed_epoch: epoch })),
      );
      const counts = [...this.layout.relations.values()]
        .filter(hasStorage)
        .map((r) => `SELECT ${r.id} AS id, count(*) AS n FROM ${qualified(r)}`);
      await db.query(
        `UPDATE rw_catalog.rw_table_stats AS s SET total_key_count = c.n, total_key_size = c.n * 16, total_value_size = c.n * 96
         FROM (${counts.join(" UNION ALL ")}) AS c WHERE c.id = s.id`,
      );
      const source = this.relation(KAFKA_SOURCE);
      this.partitions = Array.from({ length: source.partitions ?? 1 }, (_, index) => {
        const highWatermark = BigInt(100_000 + index * 7_919);
        return { highWatermark, consumerOffset: highWatermark - 1n };
      });
      await this.writeKafkaLag(db);
      await this.logEvent(db, startedAt, "META_NODE_START", { metaNodeStart: { host: "127.0.0.1:5690", clusterVersion: "3.0.3" } });
      await this.logOtherDatabase(db, startedAt);
    });
    await this.seedRedis();
    this.fileSinks = new Map(
      [...this.layout.relations.values()]
        .filter((r) => r.kind === "sink" && r.connector === "S3")
        .map((sink) => [sink.name, new FileSinkWriter(sink, this.archive, startedAt)]),
    );
    await writeMissingSnapshots(this.pool, this.archive, this.layout.relations, startedAt);
  }

  /** Every row already in the MVs, as the sinks' initial snapshot replay writes it. */
  private async seedRedis() {
    for (const sink of [...this.layout.relations.values()].filter(
      (relation) => relation.kind === "sink" && relation.connector === "REDIS",
    )) {
      const mv = this.relation(sink.upstream[0] ?? "");
      const { rows } = await this.pool.query(`SELECT * FROM ${qualified(mv)}`);
      await writeRedisSink(this.redis, sink, rows as Row[]);
      if (mv.name === CACHE_ASIDE.mv)
        await writeCacheAside(
          this.redis,
          mv,
          (rows as Row[]).filter((_, index) => index % 2 === 0),
        );
    }
  }

  start() {
    this.timer = setInterval(() => {
      if (this.ticking) return; // a slow barrier delays the next one, as backpressure would
      this.ticking = this.tick()
        .catch((error: unknown) => this.options.log(`barrier failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          this.ticking = null;
        });
    }, this.options.barrierIntervalMs);
  }

  async stop() {
    clearInterval(this.timer);
    await this.ticking;
    for (const writer of this.fileSinks.values()) await writer.maybeRoll(Date.now(), true).catch(() => {});
    this.redis.disconnect();
    await this.pool.end();
  }

  /** One barrier: apply the traffic since the last one, commit an epoch, run the sinks. */
  async tick(wallClockMs = Date.now()): Promise<void> {
    const activeFaults = await readFaults(this.pool);
    const faults = indexFaults(activeFaults);
    const nowMs = wallClockMs + faults.clockOffsetMs;
    const now = new Date(nowMs);
    await this.activateNewFaults(activeFaults, faults, now);
    const elapsedMs = Math.min(MAX_TICK_TRAFFIC_MS, Math.max(0, nowMs - this.lastTickMs));
    this.lastTickMs = nowMs;
    const produced = Math.round((this.options.rate * elapsedMs) / 1000);
    const kafkaStalled = faults.stalled.has(KAFKA_SOURCE);
    const lagMessages = faults.lagBy.get(KAFKA_SOURCE) ?? 0;
    const consumedLagMs = (lagMessages / Math.max(1, this.options.rate)) * 1000;
    const traffic = generateTraffic(this.random, {
      eventCount: kafkaStalled ? 0 : produced,
      orderCount: faults.stalled.has(CDC_SOURCE) ? 0 : orderCountFor(produced),
      users: this.options.users,
      items: this.options.items,
      eventTimeEnd: nowMs - consumedLagMs,
      orderTimeEnd: nowMs,
    });
    const epoch = epochFromUnixMs(nowMs);
    const writes = new Map<string, MvWrite>();

    await inTransaction(this.pool, async (db) => {
      const live = (mv: string) => !faults.stalled.has(mv);
      for (const [mv, write] of await this.applyShifts(db, faults, now)) writes.set(mv, write);
      for (const [mv, write] of Object.entries(MV_WRITERS)) {
        if (!live(mv)) continue;
        const written = await write(db, traffic, now, { userWindow: this.userWindow, shifts: faults.shifts.get(mv) ?? new Map() });
        writes.set(mv, mergeWrites(writes.get(mv), written));
      }
      for (let touched = 0; touched < Math.min(10, this.options.extraGroups) && !kafkaStalled; touched++) {
        const name = scaleGroupName(1 + this.random.int(this.options.extraGroups));
        if (!live(name)) continue;
        const entities = Array.from({ length: 3 }, () => 1 + this.random.int(this.options.entitiesPerGroup));
        writes.set(name, mergeWrites(writes.get(name), await writeScaleGroup(db, name, entities, now)));
      }
      await this.commitEpoch(db, epoch, faults);
      this.advanceKafka(produced, kafkaStalled, lagMessages);
      await this.writeKafkaLag(db);
      for (const [mv, write] of writes) {
        if (write.inserted === 0) continue;
        await db.query(
          "UPDATE rw_catalog.rw_table_stats SET total_key_count = total_key_count + $2, total_key_size = total_key_size + $2 * 16, total_value_size = total_value_size + $2 * 96 WHERE id = $1",
          [this.relation(mv).id, write.inserted],
        );
      }
      await this.logEvent(db, now, "BARRIER_COMPLETE", {
        barrierComplete: {
          prevEpoch: this.lastEpoch.toString(),
          curEpoch: epoch.toString(),
          durationSec: 0.02 + this.random.next() * 0.15,
          command: "barrier",
          barrierKind: "Checkpoint",
          databaseId: DATABASE_ID,
        },
      });
      if (this.ticks % 10 === 0) await this.logOtherDatabase(db, now);
      await this.progressBackfills(db, faults, now, epoch);
      await this.followCopies(db);
    });
    this.lastEpoch = epoch;
    await this.runSinks(writes, faults, now);
    await this.logSinkFailures(faults, now);
    if (now.toISOString().slice(0, 10) !== this.snapshotDay) {
      this.snapshotDay = now.toISOString().slice(0, 10);
      await writeMissingSnapshots(this.pool, this.archive, this.layout.relations, now);
    }
    this.ticks += 1;
  }

  /**
   * A shift fault multiplies an MV's column from the barrier it appears until the barrier after it
   * ends; every row changes at once and goes to the sinks, as RisingWave would re-emit them.
   */
  private async applyShifts(db: PoolClient, faults: FaultState, now: Date): Promise<Map<string, MvWrite>> {
    const writes = new Map<string, MvWrite>();
    for (const mv of new Set([...faults.shifts.keys(), ...this.appliedShifts.keys()])) {
      const wanted = faults.shifts.get(mv) ?? new Map<string, number>();
      const applied = this.appliedShifts.get(mv) ?? new Map<string, number>();
      const columns = new Set([...wanted.keys(), ...applied.keys()]);
      if (faults.stalled.has(mv) || [...columns].every((column) => wanted.get(column) === applied.get(column))) continue;
      if (mv === WINDOWED_MV) writes.set(mv, await writeUserFeatureRows(db, this.userWindow, this.userWindow.users(), wanted, now));
      else {
        const relation = this.relation(mv);
        const sets = [...columns].map((column) => {
          const ratio = (wanted.get(column) ?? 1) / (applied.get(column) ?? 1);
          const type = relation.columns.find((spec) => spec.name === column)?.type;
          const scaled = `${quoteIdent(column)} * ${ratio}::numeric`;
          return `${quoteIdent(column)} = ${type === "bigint" || type === "integer" ? `round(${scaled})` : scaled}`;
        });
        const { rows } = await db.query(
          `UPDATE ${qualified(relation)} SET ${sets.join(", ")}, _rw_timestamp = $1 RETURNING ${relation.columns.map((column) => quoteIdent(column.name)).join(", ")}`,
          [now],
        );
        writes.set(mv, { rows: rows as Row[], deleted: [], inserted: 0 });
      }
      if (wanted.size > 0) this.appliedShifts.set(mv, wanted);
      else this.appliedShifts.delete(mv);
    }
    return writes;
  }

  /**
   * A created <mv>_v2 has its source's definition, so it holds the same rows: copied whole at each
   * barrier (the copies are demo-sized), with its row count. Until it is dropped or its source stalls.
   */
  private async followCopies(db: PoolClient) {
    for (const [copy, source] of this.copies) {
      const target = this.layout.relations.get(copy);
      if (!target || !this.layout.relations.has(source)) continue;
      await db.query(`DELETE FROM ${qualified(target)}`);
      const { rowCount } = await db.query(`INSERT INTO ${qualified(target)} SELECT * FROM ${qualified(this.relation(source))}`);
      await db.query("UPDATE rw_catalog.rw_table_stats SET total_key_count = $2 WHERE id = $1", [target.id, rowCount ?? 0]);
    }
  }

  /** Every state table commits the new epoch, except those of stalled jobs and of jobs still backfilling. */
  private async commitEpoch(db: PoolClient, epoch: bigint, faults: FaultState) {
    const frozenJobs = new Set<string>();
    for (const name of faults.stalled) {
      const relation = this.layout.relations.get(name);
      if (!relation || relation.kind === "source") continue; // a stalled consumer does not stop barriers
      frozenJobs.add(name);
      for (const sink of this.sinksOf(name)) frozenJobs.add(sink.name);
    }
    for (const fault of faults.backfills) frozenJobs.add(String(fault.params.name));
    const frozenIds = this.layout.stateTables.filter((table) => frozenJobs.has(table.job)).map((table) => table.id);
    await db.query("UPDATE rw_catalog.rw_hummock_snapshot SET committed_epoch = $1 WHERE NOT (table_id = ANY($2::int4[]))", [
      epoch.toString(),
      frozenIds,
    ]);
  }

  private advanceKafka(produced: number, stalled: boolean, lagMessages: number) {
    this.partitions.forEach((partition, index) => {
      const share = Math.floor(produced / this.partitions.length) + (index < produced % this.partitions.length ? 1 : 0);
      partition.highWatermark += BigInt(share);
      if (stalled) return;
      const target = partition.highWatermark - 1n - BigInt(Math.floor(lagMessages / this.partitions.length));
      if (target > partition.consumerOffset) partition.consumerOffset = target;
    });
  }

  /** One row per (job, fragment, partition): every demo MV on the topic reads every partition (§11.9). */
  private async writeKafkaLag(db: PoolClient) {
    const source = this.relation(KAFKA_SOURCE);
    const jobs = [...this.layout.relations.values()].filter(
      (relation) =>
        relation.kind === "materialized view" &&
        relation.upstream.includes(KAFKA_SOURCE) &&
        relation.name in MV_WRITERS &&
        !this.dropped.has(relation.name),
    );
    await db.query("DELETE FROM emulator_control.kafka_job_lag WHERE source_id = $1", [source.id]);
    await insertRows(
      db,
      "emulator_control.kafka_job_lag",
      jobs.flatMap((job) =>
        this.partitions.map((partition, index) => {
          const lag = partition.highWatermark - partition.consumerOffset - 1n;
          return {
            job_id: job.id,
            source_id: source.id,
            fragment_id: this.layout.fragmentOf.get(job.name) ?? 0,
            partition_id: String(index),
            lag_phase: "LIVE",
            high_watermark: partition.highWatermark.toString(),
            consumer_offset: partition.consumerOffset.toString(),
            lag: (lag > 0n ? lag : 0n).toString(),
          };
        }),
      ),
    );
  }

  /** Another database's barriers and a failing sink that shares a name with ours: the app must filter by id (§11.12). */
  private async logOtherDatabase(db: PoolClient, at: Date) {
    await this.logEvent(db, at, "BARRIER_COMPLETE", {
      barrierComplete: {
        prevEpoch: "0",
        curEpoch: epochFromUnixMs(at.getTime()).toString(),
        durationSec: 42,
        command: "barrier",
        barrierKind: "Checkpoint",
        databaseId: OTHER_DATABASE_ID,
      },
    });
    await this.logEvent(db, at, "SINK_FAIL", {
      sinkFail: { sinkId: 90_001, sinkName: "user_features_to_redis", connector: "redis", error: "Redis error: another database's sink" },
    });
  }

  /** rw_event_logs keeps the last 10 events of each type (BARRIER_COMPLETE: per database), like meta's in-memory channel. */
  private async logEvent(db: PoolClient | Pool, at: Date, type: string, info: Record<string, unknown>) {
    await db.query(
      'INSERT INTO rw_catalog.rw_event_logs (unique_id, "timestamp", event_type, info) VALUES (gen_random_uuid()::varchar, $1, $2, $3::jsonb)',
      [at.toISOString(), type, JSON.stringify(info)],
    );
    await db.query(
      `DELETE FROM rw_catalog.rw_event_logs AS e WHERE event_type = $1 AND unique_id NOT IN
         (SELECT unique_id FROM rw_catalog.rw_event_logs AS k WHERE k.event_type = $1
            AND (k.event_type <> 'BARRIER_COMPLETE' OR k.info -> 'barrierComplete' -> 'databaseId' = e.info -> 'barrierComplete' -> 'databaseId')
          ORDER BY "timestamp" DESC LIMIT ${EVENT_LOG_KEEP})`,
      [type],
    );
  }

  private async runSinks(writes: Map<string, MvWrite>, faults: FaultState, now: Date) {
    for (const [mv, write] of writes) {
      if (faults.drift.has(mv)) continue; // the drifting group's sinks and cache stop writing
      const followers = [...this.copies].filter(([, source]) => source === mv).map(([copy]) => copy);
      for (const sink of [mv, ...followers].flatMap((name) => this.sinksOf(name))) {
        if (faults.failedSinks.has(sink.name)) continue;
        if (sink.connector === "REDIS") await writeRedisSink(this.redis, sink, write.rows, write.deleted);
        if (sink.connector === "S3") this.fileSinks.get(sink.name)?.append(write.rows, now.getTime());
      }
      if (mv === CACHE_ASIDE.mv)
        await writeCacheAside(
          this.redis,
          this.relation(mv),
          write.rows.filter(() => this.random.next() < 0.2),
        );
    }
    for (const [name, writer] of this.fileSinks) {
      if (!faults.failedSinks.has(name)) await writer.maybeRoll(now.getTime());
    }
  }

  private async logSinkFailures(faults: FaultState, now: Date) {
    for (const [name, error] of faults.failedSinks) {
      const last = this.lastSinkFailEventMs.get(name) ?? 0;
      if (now.getTime() - last < 10_000) continue;
      this.lastSinkFailEventMs.set(name, now.getTime());
      const sink = this.layout.relations.get(name);
      await this.logEvent(this.pool, now, "SINK_FAIL", {
        sinkFail: { sinkId: sink?.id ?? 0, sinkName: name, connector: (sink?.connector ?? "").toLowerCase(), error },
      });
    }
    for (const name of [...this.lastSinkFailEventMs.keys()]) if (!faults.failedSinks.has(name)) this.lastSinkFailEventMs.delete(name);
  }

  /** Effects a fault has once, when it first appears. */
  private async activateNewFaults(all: Fault[], faults: FaultState, now: Date) {
    const current = new Set(all.map((fault) => `${fault.kind}:${fault.target}:${fault.createdAt.getTime()}`));
    for (const fault of all) {
      const key = `${fault.kind}:${fault.target}:${fault.createdAt.getTime()}`;
      if (this.seenFaults.has(key)) continue;
      this.seenFaults.add(key);
      this.options.log(`fault ${fault.kind} on ${fault.target} ${JSON.stringify(fault.params)}`);
      if (fault.kind === "drift") await this.startDrift(fault.target, faults.drift.get(fault.target) ?? "stale", now);
      if (fault.kind === "backfill" && !fault.params.name) await this.startBackfill(fault, now);
      if (fault.kind === "ddl") await this.runDdl(fault, now);
    }
    this.seenFaults = new Set([...this.seenFaults].filter((key) => current.has(key)));
  }

  /** A statement `npm run emulator -- sql` checked against the catalog and queued; run once, then forgotten. */
  private async runDdl(fault: Fault, now: Date) {
    try {
      const statement = parseDdl(String(fault.params.sql));
      if (statement.kind === "create sink") await this.createSink(statement, now);
      else await this.dropRelation(statement);
      this.options.log(`ran ${String(fault.params.sql).replace(/\s+/g, " ").slice(0, 120)}`);
    } catch (error) {
      this.options.log(`DDL failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await deleteFault(this.pool, "ddl", fault.target);
    }
  }

  /** The sink starts with its MV's rows (its snapshot), then follows its changes from the next barrier. */
  private async createSink(statement: SinkStatement, now: Date) {
    const from = this.relation(statement.from);
    const sink = sinkSpec(statement, from, this.nextRelationId++);
    await inTransaction(this.pool, (db) => addSink(db, this.layout, sink, now, epochFromUnixMs(now.getTime())));
    const { rows } = await this.pool.query(`SELECT * FROM ${qualified(from)}`);
    if (sink.connector === "REDIS") await writeRedisSink(this.redis, sink, rows as Row[]);
    if (sink.connector === "S3") {
      const writer = new FileSinkWriter(sink, this.archive, now);
      writer.append(rows as Row[], now.getTime());
      this.fileSinks.set(sink.name, writer);
    }
  }

  /**
   * The relation leaves the catalog. A copy (<mv>_v2) leaves altogether; a pipeline MV is still
   * computed out of sight, since copies of it may serve its rows now.
   */
  private async dropRelation(statement: DropStatement) {
    const relation = this.layout.relations.get(statement.name);
    if (!relation || this.dropped.has(relation.name)) return;
    await inTransaction(this.pool, (db) => removeFromCatalog(db, this.layout, relation));
    if (relation.kind === "sink") {
      await this.fileSinks.get(relation.name)?.maybeRoll(Date.now(), true);
      this.fileSinks.delete(relation.name);
      this.layout.relations.delete(relation.name);
    } else if (this.copies.delete(relation.name)) {
      await this.pool.query(`DROP TABLE IF EXISTS ${qualified(relation)}`);
      this.layout.relations.delete(relation.name);
    } else this.dropped.add(relation.name);
  }

  /** stale: the MV moves on without the sinks; missing: keys disappear from Redis. */
  private async startDrift(mv: string, mode: "stale" | "missing", now: Date) {
    const relation = this.relation(mv);
    const keyColumn = relation.columns.find((column) => column.primaryKey)?.name ?? "user_id";
    const table = qualified(relation);
    const ids = Array.from({ length: DRIFT_USERS }, (_, index) => index + 1);
    if (mode === "stale") {
      const numeric = relation.columns.filter((column) => !column.primaryKey && (column.type === "bigint" || column.type === "numeric"));
      const times = relation.columns.filter((column) => column.type === "timestamptz");
      const sets = [
        ...numeric.map((c) => `${quoteIdent(c.name)} = ${quoteIdent(c.name)} + 1`),
        ...times.map((c) => `${quoteIdent(c.name)} = $2`),
        "_rw_timestamp = $2",
      ];
      await this.pool.query(`UPDATE ${table} SET ${sets.join(", ")} WHERE ${quoteIdent(keyColumn)} = ANY($1::bigint[])`, [
        ids,
        now.toISOString(),
      ]);
      return;
    }
    const { rows } = await this.pool.query(
      `SELECT * FROM ${table} WHERE ${quoteIdent(keyColumn)} = ANY($1::bigint[]) OR ${quoteIdent(keyColumn)} % 10 = 0`,
      [ids],
    );
    const keys = (rows as Row[]).flatMap((row) => [
      ...this.sinksOf(mv)
        .filter((sink) => sink.connector === "REDIS")
        .map((sink) => redisKeyFor(sink, row)),
      ...(mv === CACHE_ASIDE.mv ? [renderTemplate(CACHE_ASIDE.keyTemplate, row, relation.columns)] : []),
    ]);
    for (let start = 0; start < keys.length; start += 1_000) await this.redis.del(...keys.slice(start, start + 1_000));
  }

  /** CREATE MATERIALIZED VIEW <mv>_v2 in the background: Creating, with rw_ddl_progress moving. */
  private async startBackfill(fault: Fault, now: Date) {
    const source = this.relation(fault.target);
    const name = `${source.name}_v2`;
    const id = this.nextRelationId++;
    const prefix = source.schema === "public" ? "" : `${source.schema}.`;
    const definition = source.definition.replace(`MATERIALIZED VIEW ${prefix}${source.name} `, `MATERIALIZED VIEW ${prefix}${name} `);
    const { rows } = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${qualified(source)}`);
    const total = Number(rows[0]?.n ?? 0);
    const relation: RelationSpec = { ...source, id, name, definition };
    const fragmentId = 900_000 + id;
    await inTransaction(this.pool, async (db) => {
      const base = { id, name, schema_id: schemaIdOf(source.schema), owner: 1, definition, acl: [] as string[] };
      await insertRows(db, "rw_catalog.rw_relations", [relationRow(relation)]);
      await insertRows(db, "rw_catalog.rw_materialized_views", [
        {
          ...base,
          schema_name: source.schema,
          append_only: false,
          initialized_at: now.toISOString(),
          created_at: null,
          initialized_at_cluster_version: "3.0.3",
          created_at_cluster_version: null,
          background_ddl: true,
          status: "Creating",
        },
      ]);
      await insertRows(db, "rw_catalog.rw_streaming_jobs", [streamingJobRow(relation, "CREATING")]);
      await insertRows(
        db,
        "rw_catalog.rw_depend",
        source.upstream.map((upstream) => ({ objid: id, refobjid: this.relation(upstream).id })),
      );
      await db.query(
        `INSERT INTO rw_catalog.rw_columns SELECT $1, name, position, is_hidden, is_primary_key, is_distribution_key, is_generated, is_nullable,
           generation_expression, data_type, type_oid, type_len, udt_type FROM rw_catalog.rw_columns WHERE relation_id = $2`,
        [id, source.id],
      );
      await insertRows(db, "rw_catalog.rw_fragments", [
        {
          fragment_id: fragmentId,
          table_id: id,
          distribution_type: "HASH",
          state_table_ids: [id],
          upstream_fragment_ids: [],
          flags: ["MVIEW", "SNAPSHOT_BACKFILL_STREAM_SCAN"],
          parallelism: 4,
          max_parallelism: 256,
          parallelism_policy: "inherit(adaptive)",
        },
      ]);
      await insertRows(db, "rw_catalog.rw_ddl_progress", [
        {
          ddl_id: id,
          ddl_statement: definition,
          create_type: "BACKGROUND",
          progress: "0.0%",
          initialized_at: now.toISOString(),
          is_serverless_backfill: false,
          backfill_type: "SNAPSHOT_BACKFILL",
        },
      ]);
      await insertRows(db, "rw_catalog.rw_hummock_snapshot", [
        { table_id: id, committed_epoch: epochFromUnixMs(now.getTime() - 30_000).toString() },
      ]);
      await insertRows(db, "rw_catalog.rw_table_stats", [{ id, total_key_count: 0, total_key_size: 0, total_value_size: 0 }]);
      await db.query(storageTableDdl(relation));
      await db.query("UPDATE emulator_control.faults SET params = params || $3::jsonb WHERE kind = $1 AND target = $2", [
        "backfill",
        fault.target,
        JSON.stringify({ name, id, total, startedAt: now.toISOString() }),
      ]);
    });
    this.layout.relations.set(name, relation);
    this.layout.stateTables.push({ id, job: name });
  }

  private async progressBackfills(db: PoolClient, faults: FaultState, now: Date, epoch: bigint) {
    for (const fault of faults.backfills) {
      const { name, id, total, startedAt } = fault.params as { name?: string; id?: number; total?: number; startedAt?: string };
      if (!name || !id || !startedAt) continue;
      const fraction = Math.min(1, (now.getTime() - Date.parse(startedAt)) / (this.options.backfillSeconds * 1000));
      if (fraction < 1) {
        const done = Math.floor((total ?? 0) * fraction);
        await db.query("UPDATE rw_catalog.rw_ddl_progress SET progress = $2 WHERE ddl_id = $1", [
          id,
          `${(fraction * 100).toFixed(2)}% (${done}/${total ?? 0})`,
        ]);
        // Snapshot backfill commits separately and trails the cluster's epoch until it finishes.
        await db.query("UPDATE rw_catalog.rw_hummock_snapshot SET committed_epoch = $2 WHERE table_id = $1", [
          id,
          epochFromUnixMs(now.getTime() - (1 - fraction) * 30_000).toString(),
        ]);
        continue;
      }
      const source = fault.target;
      await db.query(`INSERT INTO ${qualified(this.relation(name))} SELECT * FROM ${qualified(this.relation(source))}`);
      await db.query("DELETE FROM rw_catalog.rw_ddl_progress WHERE ddl_id = $1", [id]);
      await db.query(
        "UPDATE rw_catalog.rw_materialized_views SET status = 'Created', created_at = $2, created_at_cluster_version = '3.0.3' WHERE id = $1",
        [id, now.toISOString()],
      );
      await db.query("UPDATE rw_catalog.rw_streaming_jobs SET status = 'CREATED' WHERE id = $1", [id]);
      await db.query("UPDATE rw_catalog.rw_hummock_snapshot SET committed_epoch = $2 WHERE table_id = $1", [id, epoch.toString()]);
      await db.query("UPDATE rw_catalog.rw_table_stats SET total_key_count = $2 WHERE id = $1", [id, total ?? 0]);
      await deleteFault(db, "backfill", source);
      this.copies.set(name, source);
      this.options.log(`backfill of ${name} finished`);
    }
  }
}
