// REDIS_URL in the Redis sink's JSON-array form, against a real three-master cluster: the key stats
// walk every master (counts summed, one budget), and the reads and writes of lookup and serving
// reach keys in every slot.
import { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GroupKeySources } from "@/lib/entity-keys/shapes";
import { startRedisCluster, type TestCluster } from "../support/redis-cluster";

let cluster: TestCluster;
let writer: Cluster;
const USERS = 300;
const sources: GroupKeySources[] = [
  { group: "user_features_1h", keyColumns: ["user_id"], sinks: [{ keyFormat: null }], cacheTemplate: "features:user:{user_id}" },
];

beforeAll(async () => {
  cluster = await startRedisCluster();
  process.env.REDIS_URL = cluster.url;
  writer = new Cluster(JSON.parse(cluster.url).map((url: string) => ({ host: "127.0.0.1", port: Number(new URL(url).port) })));
  // The JSON sink's keys, spread over the cluster's slots, and a few cache hashes.
  await Promise.all(
    Array.from({ length: USERS }, (_, user) => writer.set(`{"user_id":${user}}`, JSON.stringify({ user_id: user, event_count_1h: user }))),
  );
  await Promise.all(Array.from({ length: 20 }, (_, user) => writer.hset(`features:user:${user}`, { event_count_1h: String(user) })));
}, 90_000);
afterAll(async () => {
  writer?.disconnect();
  const { getRedis } = await import("@/lib/redis/client");
  getRedis().disconnect();
  await cluster?.stop();
});

describe("Redis Cluster", () => {
  it("the keys really are spread over the three masters", async () => {
    const sizes = await Promise.all(writer.nodes("master").map((node) => node.dbsize()));
    expect(sizes).toHaveLength(3);
    expect(sizes.every((size) => size > 0)).toBe(true);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(USERS + 20);
  });

  it("key stats scan every master and sum the counts", async () => {
    const { getRedis } = await import("@/lib/redis/client");
    const { collectRedisStats } = await import("@/lib/observability/redis-stats");
    const stats = await collectRedisStats(getRedis(), sources, new Map([["user_features_1h", USERS]]), {
      budgetMs: 5_000,
      count: 50,
      sampleSize: 500,
    });
    expect(stats.scan).toMatchObject({ dbsize: USERS + 20, examined: USERS + 20, complete: true });
    const byGlob = new Map(stats.groups.flatMap((group) => group.patterns).map((pattern) => [pattern.glob, pattern]));
    expect(byGlob.get('{"user_id":*}')?.keys).toEqual({ count: USERS, exact: true, margin: 0 });
    expect(byGlob.get("features:user:*")).toMatchObject({ keys: { count: 20 }, types: { hash: 20 } });
    expect(stats.server.usedMemoryBytes).toBeGreaterThan(0);
  });

  it("a spent budget is shared: nothing more is examined on any master", async () => {
    const { getRedis } = await import("@/lib/redis/client");
    const { collectRedisStats } = await import("@/lib/observability/redis-stats");
    const stats = await collectRedisStats(getRedis(), sources, new Map(), { budgetMs: 0, count: 50, sampleSize: 10 });
    expect(stats.scan).toMatchObject({ examined: 0, complete: false });
  });

  it("lookup reads keys of every slot in one call, and serving reads and fills them", async () => {
    const { readRedisKeys } = await import("@/lib/redis/entity");
    const { readServingValues, writeServingHashes } = await import("@/lib/redis/serving");
    const users = [0, 1, 2, 150, 299];
    const states = await readRedisKeys(users.map((user) => ({ key: `{"user_id":${user}}`, role: "json-sink" as const, source: "sink" })));
    expect(states.map((state) => JSON.parse(state.raw as string).event_count_1h)).toEqual(users);
    expect(states.every((state) => state.type === "string")).toBe(true);

    const written = await writeServingHashes(
      users.map((user) => ({ key: `features:user:${user}`, fields: { event_count_1h: String(user * 10) }, ttlSeconds: 60 })),
    );
    expect(written).toBe(users.length);
    const served = await readServingValues(users.map((user) => ({ key: `features:user:${user}`, type: "hash" as const })));
    expect(served).toEqual(users.map((user) => ({ event_count_1h: String(user * 10) })));
    expect(await writer.ttl("features:user:299")).toBeGreaterThan(0);
  });
});
