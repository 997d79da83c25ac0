// The serving gateway (`npm run serve`) over real HTTP, against the emulator's Redis and RisingWave and
// the registry: tokens held in memory and revoked within 1 s, definitions seen without a restart,
// the RisingWave fallback and breaker, vectors across two entity types, and its metrics.
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import type { Gateway } from "@/lib/serving/gateway";
import { startEmulatorForApp } from "../support/emulator";
import { demoDefinition, registerDemoGroups } from "../support/registry";

process.env.READ_ACCESS = "signed-in"; // before lib/env is first read: the gateway then wants a token

let emulator: Emulator;
let redis: Redis;
let gateway: Gateway;
let base: string;
let token: { user: { id: string }; token: string; tokenId: string; headers: { authorization: string } };
let customerId: string;

const get = (path: string, headers: Record<string, string> = token.headers) => fetch(`${base}${path}`, { headers });
const post = (path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { ...token.headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** Polls until `check` holds, up to `withinMs`; returns how long it took. */
async function within(withinMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

beforeAll(async () => {
  const started = await startEmulatorForApp();
  emulator = started.emulator;
  redis = new Redis(started.redisUrl);
  await registerDemoGroups({ user_features_1h: undefined, order_value_features: undefined });
  const { userWithToken } = await import("../support/users");
  token = await userWithToken("viewer", [], "read");
  const { queryRisingWave } = await import("@/lib/risingwave/pool");
  customerId = String(
    (await queryRisingWave<{ customer_id: string }>("SELECT customer_id FROM order_value_features LIMIT 1"))[0]?.customer_id,
  );
  const { createGateway } = await import("@/lib/serving/gateway");
  gateway = createGateway();
  await gateway.ready;
  await new Promise<void>((resolve) => gateway.server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await gateway?.close();
  redis?.disconnect();
  await emulator?.stop();
});

describe("the serving gateway", () => {
  it("wants a token, takes a read token, and refuses it within 1 s of its revocation", async () => {
    expect((await get("/v1/features/user_features_1h/7", {})).status).toBe(401);
    expect((await get("/v1/features/user_features_1h/7", { authorization: "Bearer not-a-token" })).status).toBe(401);
    const served = await get("/v1/features/user_features_1h/7");
    expect(served.status).toBe(200);
    expect(await served.json()).toMatchObject({ group: "user_features_1h", key: { user_id: "7" }, source: "redis" });

    const { revokeToken } = await import("@/lib/auth/tokens");
    await revokeToken(token.tokenId, token.user.id, true);
    const tookMs = await within(1_000, async () => (await get("/v1/features/user_features_1h/7")).status === 401);
    expect(tookMs).toBeLessThan(1_000);
    const { userWithToken } = await import("../support/users");
    token = await userWithToken("viewer", [], "read");
    await within(1_000, async () => (await get("/v1/features/user_features_1h/7")).status === 200);
  });

  it("answers an unknown group 404 from memory, and serves a group registered meanwhile without a restart", async () => {
    expect((await get("/v1/features/user_features_copy/7")).status).toBe(404);
    const { upsertDefinition } = await import("@/lib/registry/groups");
    await upsertDefinition({ ...(await demoDefinition("user_features_1h")), name: "user_features_copy" }, "test");
    await within(1_000, async () => (await get("/v1/features/user_features_copy/7")).status === 200);
    expect((await get("/v1/features/user_features_1h/not%20a%20number")).status).toBe(400);
  });

  it("falls back to RisingWave on a miss; with RisingWave down the breaker opens and misses fail fast", async () => {
    await redis.del('{"user_id":9}');
    expect(await (await get("/v1/features/user_features_1h/9")).json()).toMatchObject({ source: "risingwave" });

    const state = globalThis as unknown as { rwPool?: Pool };
    const healthy = state.rwPool;
    state.rwPool = new Pool({ host: "127.0.0.1", port: 1, connectionTimeoutMillis: 500 });
    state.rwPool.on("error", () => {});
    try {
      for (let user = 100; user < 106; user++) {
        await redis.del(`{"user_id":${user}}`);
        expect((await get(`/v1/features/user_features_1h/${user}`)).status).toBe(503);
      }
      const fastFail = await get("/v1/features/user_features_1h/101");
      expect((await fastFail.json()).error).toMatch(/recovering: serving from Redis only|unreachable/);
      expect((await get("/v1/features/user_features_1h/7")).status).toBe(200); // hits still served
      expect(await (await get("/healthz")).json()).toMatchObject({ status: "ok", breaker: "open" });
    } finally {
      await state.rwPool?.end();
      state.rwPool = healthy;
      (await import("@/lib/risingwave/pool")).risingWaveGate().markUp();
      (await import("@/lib/serving/serve")).servingBreaker().recordSuccess();
    }
  });

  it("assembles vectors across two entity types: each group serves the entities that carry its key", async () => {
    const response = await post("/v1/features", {
      groups: ["user_features_1h", "order_value_features"],
      entities: [{ user_id: 7, customer_id: customerId }, { user_id: 8 }],
    });
    expect(response.status).toBe(200);
    const { vectors } = await response.json();
    expect(vectors).toHaveLength(2);
    expect(Object.keys(vectors[0].groups).sort()).toEqual(["order_value_features", "user_features_1h"]);
    expect(vectors[0].features).toHaveProperty("user_features_1h.event_count_1h");
    expect(vectors[0].features).toHaveProperty("order_value_features.total_orders");
    expect(Object.keys(vectors[1].groups)).toEqual(["user_features_1h"]);
    expect(vectors[1].entity).toEqual({ user_id: "8" });
    expect((await post("/v1/features", { groups: [], entities: [] })).status).toBe(422);
  });

  it("exposes Prometheus metrics: requests by group and status, answers by source and staleness, the breaker", async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/tideline_serving_requests_total\{group="user_features_1h",status="200"\} \d+/);
    expect(text).toMatch(/tideline_serving_requests_total\{group="user_features_1h",status="503"\} \d+/);
    expect(text).toMatch(/tideline_serving_answers_total\{group="user_features_1h",source="redis",stale="(true|false)"\} \d+/);
    expect(text).toMatch(/tideline_serving_answers_total\{group="user_features_1h",source="risingwave",stale="(true|false)"\} \d+/);
    expect(text).toMatch(/tideline_serving_request_duration_seconds_bucket\{le="0\.005",group="user_features_1h"\} \d+/);
    expect(text).toMatch(/tideline_serving_breaker_open 0/);
  });

  it("counts what it served towards the group's serving figures of the last hour", async () => {
    const { flushServingUsage, readServingUsage } = await import("@/lib/redis/serving-usage");
    await flushServingUsage();
    const usage = (await readServingUsage()).get("user_features_1h");
    expect(usage?.requests).toBeGreaterThan(5);
    expect(usage?.fallback).toBeGreaterThanOrEqual(1); // user 9, read from RisingWave after its key was deleted
  });
});
