// The online serving endpoints against the emulator's Redis and RisingWave.
import { Redis } from "ioredis";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import { startEmulatorForApp } from "../support/emulator";
import { demoDefinition, registerDemoGroups } from "../support/registry";

const CACHED = "user_features_cached";
let emulator: Emulator;
let redis: Redis;
let single: typeof import("@/app/api/serving/[group]/[key]/route");
let batch: typeof import("@/app/api/serving/batch/route");
const get = (group: string, key: string) => single.GET(new Request("http://test"), { params: Promise.resolve({ group, key }) });
const post = (body: unknown) => batch.POST(new Request("http://test", { method: "POST", body: JSON.stringify(body) }));

beforeAll(async () => {
  const started = await startEmulatorForApp();
  emulator = started.emulator;
  redis = new Redis(started.redisUrl);
  single = await import("@/app/api/serving/[group]/[key]/route");
  batch = await import("@/app/api/serving/batch/route");
  await registerDemoGroups({ user_features_1h: undefined });
  // The article's serving layer: a hash per user, `features:user:{user_id}`, filled on a miss with a 2-hour TTL.
  const { upsertDefinition } = await import("@/lib/registry/groups");
  const article = await demoDefinition("user_features_1h");
  await upsertDefinition(
    { ...article, name: CACHED, redis: { kind: "hash", key_template: "features:user:{user_id}", ttl_seconds: 7_200 } },
    "test",
  );
});
afterAll(async () => {
  redis.disconnect();
  await emulator.stop();
});

describe("GET /api/serving/{group}/{key}", () => {
  it("serves the article's group (no redis block) from its JSON sink, and RisingWave when the key is gone", async () => {
    const hit = await (await get("user_features_1h", "7")).json();
    expect(hit).toMatchObject({ group: "user_features_1h", key: { user_id: "7" }, source: "redis" });
    expect(Object.keys(hit.features).sort()).toEqual(["event_count_1h", "purchase_count_1h", "session_count_1h"]);
    await redis.del('{"user_id":7}');
    const miss = await (await get("user_features_1h", "7")).json();
    expect(miss.source).toBe("risingwave");
    expect(await redis.exists('{"user_id":7}')).toBe(0); // the sink owns its keys: serving never writes them
  });

  it("serves from the cache, falls back to RisingWave on a miss and fills the cache with the group's TTL", async () => {
    const hit = await (await get(CACHED, "7")).json();
    expect(hit).toMatchObject({ group: CACHED, key: { user_id: "7" }, source: "redis" });
    expect(typeof hit.features.event_count_1h).toBe("number");

    await redis.del("features:user:7");
    const miss = await get(CACHED, "7");
    expect(miss.status).toBe(200);
    const fromRisingWave = await miss.json();
    expect(fromRisingWave.source).toBe("risingwave");
    expect(Object.keys(fromRisingWave.features).sort()).toEqual(Object.keys(hit.features).sort());
    expect(await redis.ttl("features:user:7")).toBeGreaterThan(7_000);
    expect((await (await get(CACHED, "7")).json()).source).toBe("redis");
  });

  it("never overwrites or expires a key of another type that the cache template happens to produce", async () => {
    await redis.set("features:user:11", "someone else's value");
    const body = await (await get(CACHED, "11")).json();
    expect(body.source).toBe("risingwave");
    expect(await redis.type("features:user:11")).toBe("string");
    expect(await redis.get("features:user:11")).toBe("someone else's value");
    expect(await redis.ttl("features:user:11")).toBe(-1);
  });

  it("flags a value older than the SLA as stale instead of failing", async () => {
    await redis.hset("features:user:8", { event_count_1h: "3", last_event_ts: "2020-01-01T00:00:00.000Z" });
    const body = await (await get(CACHED, "8")).json();
    expect(body).toMatchObject({ source: "redis", stale: true });
    expect(body.staleReason).toMatch(/last_event_ts is \d+ s old; the SLA is 30 s/);
  });

  it("answers bad and unknown keys cleanly", async () => {
    expect((await get("user_features_1h", "1' OR '1'='1")).status).toBe(400);
    expect((await get("user_features_1h", "x".repeat(5_000))).status).toBe(422);
    expect((await get("user_features_1h", "987654321")).status).toBe(404);
    expect((await get("no_such_group", "1")).status).toBe(404);
  });

  it("opens the circuit when RisingWave is down: hits still served, misses fail fast, then it recovers", async () => {
    const state = globalThis as unknown as { rwPool?: Pool };
    const healthy = state.rwPool;
    // Every RisingWave connection now fails (a closed port), as during an outage.
    state.rwPool = new Pool({ host: "127.0.0.1", port: 1, connectionTimeoutMillis: 500 });
    state.rwPool.on("error", () => {});
    try {
      for (let user = 100; user < 105; user++) {
        await redis.del(`features:user:${user}`);
        expect((await get(CACHED, String(user))).status).toBe(503);
      }
      await redis.del("features:user:106");
      const started = Date.now();
      const fastFail = await get(CACHED, "106");
      expect(fastFail.status).toBe(503);
      expect((await fastFail.json()).error).toMatch(/recovering: serving from Redis only/);
      expect(Date.now() - started).toBeLessThan(100);
      expect((await (await get(CACHED, "7")).json()).source).toBe("redis");
    } finally {
      await state.rwPool?.end();
      state.rwPool = healthy;
      // RisingWave is back: what the background probe would find within 2 s.
      (await import("@/lib/risingwave/pool")).risingWaveGate().markUp();
    }
    const { servingBreaker } = await import("@/lib/serving/serve");
    servingBreaker().recordSuccess(); // the open period (10 s) would pass; a trial request then closes it
    expect((await get(CACHED, "106")).status).toBe(200);
  });
});

describe("the registry down", () => {
  it("keeps serving a group with the definition it last loaded, and says 503 for one it never loaded", async () => {
    expect((await get("user_features_1h", "7")).status).toBe(200); // loaded once
    const { registryGate } = await import("@/lib/db");
    registryGate().markDown("connection refused"); // as after a failed registry call: no request reaches PostgreSQL
    try {
      const later = Date.now() + 11_000; // past the 10 s the definition is trusted without asking the registry
      const { servingGroup } = await import("@/lib/serving/group-cache");
      expect((await servingGroup("user_features_1h", later)).definition.name).toBe("user_features_1h");
      expect((await get("user_features_1h", "7")).status).toBe(200);
      const unknown = await get("never_loaded_group", "7");
      expect(unknown.status).toBe(503);
      expect((await unknown.json()).error).toContain("The registry database is unreachable");
    } finally {
      registryGate().markUp();
    }
  });
});

describe("cache templates and the cluster's sinks", () => {
  it("refuses a cache template that can produce a Redis TEMPLATE sink's keys (409 naming the sink)", async () => {
    const { userWithToken } = await import("../support/users");
    const groups = await import("@/app/api/groups/route");
    const admin = await userWithToken("admin");
    const definition = {
      ...(await demoDefinition("order_value_features")),
      name: "orders_cached",
      redis: { kind: "hash", key_template: "order_features:{customer_id}", ttl_seconds: 60 },
    };
    const response = await groups.POST(
      new Request("http://test/api/groups", {
        method: "POST",
        body: JSON.stringify(definition),
        headers: { "content-type": "application/json", ...admin.headers },
      }),
    );
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatch(/order_value_features_to_redis/);
    const own = { ...definition, redis: { kind: "hash", key_template: "cache:orders:{customer_id}", ttl_seconds: 60 } };
    expect(
      (
        await groups.POST(
          new Request("http://test/api/groups", {
            method: "POST",
            body: JSON.stringify(own),
            headers: { "content-type": "application/json", ...admin.headers },
          }),
        )
      ).status,
    ).toBe(201);
  });
});

describe("POST /api/serving/batch", () => {
  it("serves many entities per group in one call, each with its own outcome", async () => {
    await redis.del("features:user:9");
    const response = await post({
      requests: [
        { group: CACHED, keys: [7, "9", "987654321", "abc"] },
        { group: "no_such_group", keys: [1] },
      ],
    });
    expect(response.status).toBe(200);
    const { results } = await response.json();
    const entries = results[0].entries;
    expect(entries.map((entry: { source?: string; status?: number }) => entry.source ?? entry.status)).toEqual([
      "redis",
      "risingwave",
      404,
      400,
    ]);
    expect(await redis.exists("features:user:9")).toBe(1);
    expect(results[1]).toMatchObject({ group: "no_such_group", status: 404 });
    expect(
      (await post({ requests: [{ group: "user_features_1h", keys: Array.from({ length: 1_001 }, (_, index) => index) }] })).status,
    ).toBe(422);
  });
});
