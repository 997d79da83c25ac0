// GET /api/lookup against the emulator: RisingWave rows, the sinks' Redis keys, the snapshot archive.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import type { LookupResult } from "@/lib/lookup/lookup";
import { startEmulatorForApp } from "../support/emulator";
import { recordStatements } from "../support/statements";
import { registerDemoGroups } from "../support/registry";

let emulator: Emulator;
let GET: (request: Request) => Promise<Response>;
let recorder: ReturnType<typeof recordStatements>;
const DAY_MS = 86_400_000;
const lookup = async (query: string) => GET(new Request(`http://test/api/lookup?${query}`));
const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ emulator } = await startEmulatorForApp());
  ({ GET } = await import("@/app/api/lookup/route"));
  await registerDemoGroups({ user_features_1h: undefined, order_value_features: undefined });
  const { getRisingWavePool } = await import("@/lib/risingwave/pool");
  recorder = recordStatements(getRisingWavePool());
});
afterAll(async () => {
  await emulator.stop();
});

describe("GET /api/lookup", () => {
  it("shows a user in RisingWave, both Redis keys and the latest snapshot, reading one row group", async () => {
    const response = await lookup("group=user_features_1h&key=7");
    expect(response.status).toBe(200);
    const result: LookupResult = await response.json();
    expect(result.layers.map((layer) => [layer.label, layer.status])).toEqual([
      ["RisingWave · user_features_1h", "found"],
      ["Redis · user_features_to_redis (JSON)", "found"],
      ["Redis · serving cache (hash)", "found"],
      [`Snapshot · date=${utcDay(Date.now())}`, "found"],
    ]);
    expect(result.layers[1]?.key).toBe('{"user_id":7}');
    expect(result.layers[2]).toMatchObject({ key: "features:user:7", redisType: "hash" });
    expect(result.layers[3]?.detail).toMatch(/1 of \d+ row groups read/);
    const count = result.features.find((feature) => feature.name === "event_count_1h");
    expect(count?.cells["redis:0"]?.state).toBe("equal");
  });

  it("reads a TEMPLATE sink's key and value", async () => {
    const result: LookupResult = await (await lookup("group=order_value_features&key.user_id=7")).json();
    expect(result.layers[1]).toMatchObject({ key: "order_features:7" });
    if (result.layers[0]?.status === "found") expect(result.features.every((feature) => feature.cells["redis:0"]?.state === "equal")).toBe(true);
  });

  it("is point-in-time correct: the snapshot taken at or before T, never a later one", async () => {
    const today = Date.parse(`${utcDay(Date.now())}T00:00:00Z`);
    const noonTwoDaysAgo = new Date(today - 2 * DAY_MS + 12 * 3_600_000).toISOString();
    let result: LookupResult = await (await lookup(`group=user_features_1h&key=7&at=${noonTwoDaysAgo}`)).json();
    expect(result.layers[3]?.label).toBe(`Snapshot · date=${utcDay(today - 2 * DAY_MS)}`);
    // Two days ago at 00:01: that day's snapshot was taken at 00:05, so the one before it is in force.
    const justAfterMidnight = new Date(today - 2 * DAY_MS + 60_000).toISOString();
    result = await (await lookup(`group=user_features_1h&key=7&at=${justAfterMidnight}`)).json();
    expect(result.layers[3]?.label).toBe(`Snapshot · date=${utcDay(today - 3 * DAY_MS)}`);
    expect(Date.parse(result.layers[3]?.takenAt ?? "")).toBeLessThanOrEqual(Date.parse(justAfterMidnight));
    result = await (await lookup("group=user_features_1h&key=7&at=2000-01-01T00:00:00Z")).json();
    expect(result.layers[3]).toMatchObject({ status: "not_found", detail: "no snapshot taken at or before 2000-01-01T00:00:00.000Z" });
  });

  it("answers hostile keys with 4xx and sends no SQL built from them", async () => {
    for (const key of ["7' OR '1'='1", "1; DROP TABLE user_features_1h", "ユーザー", "😀", "x".repeat(10_000), "7\u0000"]) {
      recorder.clear();
      const response = await lookup(`group=user_features_1h&key=${encodeURIComponent(key)}`);
      expect(response.status, key.slice(0, 20)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(recorder.statements.some((sql) => sql.includes("public."))).toBe(false);
      expect(recorder.statements.some((sql) => sql.includes(key.slice(0, 10)))).toBe(false);
    }
    const issues = (await (await lookup(`group=user_features_1h&key.user_id=${encodeURIComponent("1 OR 1=1")}`)).json()).issues;
    expect(issues).toEqual([{ path: "key.user_id", message: "must be a whole number" }]);
    expect((await lookup("group=no_such_group&key=1")).status).toBe(404);
    expect((await lookup("group=Robert'); DROP&key=1")).status).toBe(422);
  });

  it("reports a key that does not exist as not found in every layer", async () => {
    const result: LookupResult = await (await lookup("group=user_features_1h&key=987654321")).json();
    expect(result.layers.map((layer) => layer.status)).toEqual(["not_found", "not_found", "not_found", "not_found"]);
    expect(result.layers[2]?.detail).toBe("missing in Redis: TTL expired or never written");
  });
});
