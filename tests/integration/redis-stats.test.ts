// Redis key stats on a throwaway redis-server: exact on a small keyspace, a bounded estimate on 1,000,000 keys.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectRedisStats } from "@/lib/observability/redis-stats";
import type { GroupKeySources } from "@/lib/entity-keys/shapes";
import { startRedis, type TestRedis } from "../support/redis-server";

let server: TestRedis;
let redis: Redis;
const sources: GroupKeySources[] = [
  {
    group: "user_features_1h",
    keyColumns: ["user_id"],
    sinks: [{ keyFormat: null }],
    cacheTemplate: "features:user:{user_id}",
    timestampColumn: "last_event_ts",
  },
  {
    group: "order_value_features",
    keyColumns: ["customer_id"],
    sinks: [{ keyFormat: "order_features:{customer_id}" }],
    cacheTemplate: null,
  },
  { group: "user_item_affinity", keyColumns: ["user_id", "category"], sinks: [{ keyFormat: null }], cacheTemplate: null },
];

beforeAll(async () => {
  server = await startRedis(["--enable-debug-command", "local"]);
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

describe("collectRedisStats", () => {
  it("counts a small keyspace exactly, with TTLs, types, memory and coverage", async () => {
    const pipeline = redis.pipeline();
    // The JSON sink's values carry the event-time column; user 299's is the newest.
    const eventTime = (user: number) => new Date(Date.parse("2026-11-24T10:00:00Z") + user * 1_000).toISOString();
    for (let user = 0; user < 300; user++)
      pipeline.set(`{"user_id":${user}}`, JSON.stringify({ user_id: user, event_count_1h: user, last_event_ts: eventTime(user) }));
    for (let user = 0; user < 200; user++)
      pipeline.hset(`features:user:${user}`, { event_count_1h: String(user) }).expire(`features:user:${user}`, 7_200);
    for (let user = 0; user < 50; user++) pipeline.set(`order_features:${user}`, `total_orders:${user}`, "EX", 30);
    // The sink sorts key columns (§11.1): category before user_id.
    for (let pair = 0; pair < 40; pair++) pipeline.set(`{"category":"c${pair % 6}","user_id":${pair}}`, "{}");
    for (let other = 0; other < 100; other++) pipeline.set(`session:${other}`, "x");
    await pipeline.exec();

    const stats = await collectRedisStats(
      redis,
      sources,
      new Map([
        ["user_features_1h", 600],
        ["order_value_features", 50],
      ]),
      { budgetMs: 5_000, count: 100, sampleSize: 500 },
    );
    expect(stats.scan).toMatchObject({ dbsize: 690, complete: true });
    // Every key is sampled (500 ≥ 300): the newest value is user 299's; a group without the column has none.
    expect(stats.groups.find((group) => group.group === "user_features_1h")?.newestValueAt).toBe(eventTime(299));
    expect(stats.groups.find((group) => group.group === "user_item_affinity")?.newestValueAt).toBeNull();
    const byGlob = new Map(stats.groups.flatMap((group) => group.patterns).map((pattern) => [pattern.glob, pattern]));
    expect(byGlob.get('{"user_id":*}')?.keys).toEqual({ count: 300, exact: true, margin: 0 });
    expect(byGlob.get('{"category":*,"user_id":*}')?.keys.count).toBe(40);
    expect(byGlob.get("features:user:*")).toMatchObject({
      keys: { count: 200, exact: true },
      ttl: { "< 1 d": 200, "no TTL": 0 },
      types: { hash: 200 },
    });
    expect(byGlob.get("order_features:*")).toMatchObject({ keys: { count: 50 }, ttl: { "< 1 min": 50 }, coverage: 1 });
    const features = stats.groups.find((group) => group.group === "user_features_1h");
    expect(features).toMatchObject({ keys: 500, exact: true, mvRows: 600 });
    expect(byGlob.get('{"user_id":*}')?.coverage).toBe(0.5);
    expect(features?.memoryBytes).toBeGreaterThan(0);
    expect(stats.server.usedMemoryBytes).toBeGreaterThan(0);
    expect(stats.server.connectedClients).toBeGreaterThanOrEqual(1);
  });

  it("keeps its time budget per key: a spent budget examines nothing more and says the count is incomplete", async () => {
    const stats = await collectRedisStats(redis, sources, new Map(), { budgetMs: 0, count: 1_000, sampleSize: 10 });
    expect(stats.scan).toMatchObject({ examined: 0, complete: false });
  });

  it("estimates 1,000,000 keys within 5% from a partial walk, and says it is an estimate", async () => {
    await redis.flushdb();
    // 300,000 cache hashes' worth of keys, 100,000 template keys and 600,000 others.
    await redis.call("DEBUG", "POPULATE", "300000", "features:user");
    await redis.call("DEBUG", "POPULATE", "100000", "order_features");
    await redis.call("DEBUG", "POPULATE", "600000", "noise");
    expect(await redis.dbsize()).toBe(1_000_000);
    // A walk of 1 s: the sample, and so the error, depends on how many keys the machine scans in the
    // budget (250 ms gave 5.5 % on a slow day's CI).
    const stats = await collectRedisStats(redis, sources, new Map(), { budgetMs: 1_000, count: 1_000, sampleSize: 200 });
    expect(stats.scan.complete).toBe(false);
    const byGlob = new Map(stats.groups.flatMap((group) => group.patterns).map((pattern) => [pattern.glob, pattern]));
    for (const [glob, truth] of [
      ["features:user:*", 300_000],
      ["order_features:*", 100_000],
    ] as const) {
      const keys = byGlob.get(glob)?.keys;
      expect(keys?.exact).toBe(false);
      expect(Math.abs((keys?.count ?? 0) - truth) / truth, `${glob}: ${keys?.count} vs ${truth}`).toBeLessThan(0.05);
      // The stated 95% bound is itself under 5% and holds the truth within twice its width (a 95% bound
      // alone misses 1 run in 20 by design).
      expect(Math.abs((keys?.count ?? 0) - truth)).toBeLessThanOrEqual(2 * (keys?.margin ?? 0));
      expect((keys?.margin ?? Infinity) / truth).toBeLessThan(0.05);
    }
  }, 60_000);
});
