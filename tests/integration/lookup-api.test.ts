// GET /api/lookup against the emulator: RisingWave rows, the sinks' Redis keys, the snapshot archive
// and the file sink's change files, for every kind of key the demo pipeline has.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import type { LookupResult } from "@/lib/lookup/lookup";
import { startEmulatorForApp } from "../support/emulator";
import { recordStatements } from "../support/statements";
import { demoDefinition, registerDemoGroups } from "../support/registry";

let emulator: Emulator;
let GET: (request: Request) => Promise<Response>;
let recorder: ReturnType<typeof recordStatements>;
const DAY_MS = 86_400_000;
const lookup = async (query: string) => GET(new Request(`http://test/api/lookup?${query}`));
const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const layer = (result: LookupResult, prefix: string) => result.layers.find((candidate) => candidate.label.startsWith(prefix));

beforeAll(async () => {
  ({ emulator } = await startEmulatorForApp());
  // Rows to the file sink, and a roll: its change files exist before the first lookup.
  const now = Date.now();
  for (let barrier = 1; barrier <= 6; barrier++) await emulator.tick(now + barrier * 1_000);
  ({ GET } = await import("@/app/api/lookup/route"));
  await registerDemoGroups({
    user_features_1h: undefined,
    order_value_features: undefined,
    user_item_affinity: undefined,
    category_daily_stats: undefined,
    high_value_customers: undefined,
    session_activity: undefined,
  });
  const { getRisingWavePool } = await import("@/lib/risingwave/pool");
  recorder = recordStatements(getRisingWavePool());
});
afterAll(async () => {
  await emulator.stop();
});

describe("GET /api/lookup", () => {
  it("shows the article's group (no entity, no redis block) in RisingWave, its JSON sink, the snapshot and the sink's changes", async () => {
    const response = await lookup("group=user_features_1h&key=7");
    expect(response.status).toBe(200);
    const result: LookupResult = await response.json();
    expect(result.layers.map((entry) => [entry.label.replace(/\(last change .*\)/, "(last change)"), entry.status])).toEqual([
      ["RisingWave · user_features_1h", "found"],
      ["Redis · user_features_to_redis (JSON)", "found"],
      [`Snapshot · date=${utcDay(Date.now())}`, "found"],
      ["File sink · user_features_daily_snapshot (last change)", "found"],
    ]);
    expect(result.layers[1]?.key).toBe('{"user_id":7}');
    expect(result.layers[2]?.detail).toMatch(/2 part file\(s\)/);
    const count = result.features.find((feature) => feature.name === "event_count_1h");
    expect(count?.cells["redis:0"]?.state).toBe("equal");
    expect(result.layers[0]?.ageSeconds).not.toBeNull(); // event time inferred: last_event_ts
  });

  it("finds a composite key under its sorted JSON key", async () => {
    const result: LookupResult = await // (3, toys) is a seeded row; (3, books) exists only if the first barriers' random traffic made it.
    (await lookup(`group=user_item_affinity&key=${encodeURIComponent('{"user_id":3,"category":"toys"}')}`)).json();
    expect(result.layers[1]).toMatchObject({ key: '{"category":"toys","user_id":3}', status: "found" });
    expect(result.features.every((feature) => feature.cells["redis:0"]?.state === "equal")).toBe(true);
  });

  it("finds date-keyed, non-public, big-integer and timestamp rows in every Redis sink", async () => {
    const today = utcDay(Date.now());
    const daily: LookupResult = await (await lookup(`group=category_daily_stats&key.category=books&key.event_date=${today}`)).json();
    expect(daily.layers[1]?.key).toBe(
      `{"category":"books","event_date":${Math.round(Date.parse(`${today}T00:00:00Z`) / DAY_MS) + 719_163}}`,
    );
    expect(daily.layers.slice(0, 2).map((entry) => entry.status)).toEqual(["found", "found"]);
    expect(daily.features.every((feature) => feature.cells["redis:0"]?.state === "equal")).toBe(true);

    const risk: LookupResult = await (await lookup("group=high_value_customers&key=3")).json();
    expect(risk.layers[0]?.label).toBe("RisingWave · risk.high_value_customers");
    expect(risk.layers[1]).toMatchObject({ key: "risk:customer:3", status: "found" });
    expect(risk.features.every((feature) => feature.cells["redis:0"]?.state === "equal")).toBe(true);

    const big: LookupResult = await (await lookup("group=order_value_features&key=9007199254741043")).json();
    expect(big.layers[1]).toMatchObject({ key: "order_features:9007199254741043", status: "found" });
    expect(big.key.customer_id).toBe("9007199254741043");
    expect(big.features.every((feature) => feature.cells["redis:0"]?.state === "equal")).toBe(true);

    const { rows } = await emulator.pool.query<{ session_id: string }>(
      "SELECT session_id FROM public.session_activity ORDER BY session_id LIMIT 1",
    );
    const session: LookupResult = await (await lookup(`group=session_activity&key=${rows[0]?.session_id}`)).json();
    expect(session.layers[1]).toMatchObject({ key: `{"session_id":"${rows[0]?.session_id}"}`, status: "found" });
    expect(session.features.every((feature) => feature.cells["redis:0"]?.state === "equal")).toBe(true);
  });

  it("is point-in-time correct: the snapshot taken at or before T, never a later one", async () => {
    const today = Date.parse(`${utcDay(Date.now())}T00:00:00Z`);
    const noonTwoDaysAgo = new Date(today - 2 * DAY_MS + 12 * 3_600_000).toISOString();
    let result: LookupResult = await (await lookup(`group=order_value_features&key=1&at=${noonTwoDaysAgo}`)).json();
    expect(layer(result, "Snapshot")?.label).toBe(`Snapshot · date=${utcDay(today - 2 * DAY_MS)}`);
    // Two days ago at 00:01: that day's snapshot was taken at 00:05, so the one before it is in force.
    const justAfterMidnight = new Date(today - 2 * DAY_MS + 60_000).toISOString();
    result = await (await lookup(`group=order_value_features&key=1&at=${justAfterMidnight}`)).json();
    expect(layer(result, "Snapshot")?.label).toBe(`Snapshot · date=${utcDay(today - 3 * DAY_MS)}`);
    expect(Date.parse(layer(result, "Snapshot")?.takenAt ?? "")).toBeLessThanOrEqual(Date.parse(justAfterMidnight));
    result = await (await lookup("group=order_value_features&key=1&at=2000-01-01T00:00:00Z")).json();
    expect(layer(result, "Snapshot")).toMatchObject({
      status: "not_found",
      detail: "no snapshot taken at or before 2000-01-01T00:00:00.000Z",
    });
  });

  it("uses the file sink's change files up to T, including the new day's folder after UTC midnight", async () => {
    const { rows } = await emulator.pool.query<{ user_id: string }>(
      "SELECT user_id FROM public.user_features_1h ORDER BY event_count_1h DESC LIMIT 1",
    );
    const user = rows[0]?.user_id ?? "1";
    const before: LookupResult = await (await lookup(`group=user_features_1h&key=${user}`)).json();
    const nextMidnight = Math.ceil((Date.now() + 10_000) / DAY_MS) * DAY_MS;
    // The cluster's clock moves past UTC midnight; barriers go on, files roll into the new day.
    for (let barrier = 0; barrier < 14; barrier++) await emulator.tick(nextMidnight - 3_000 + barrier * 1_000);
    const after: LookupResult = await (
      await lookup(`group=user_features_1h&key=${user}&at=${new Date(nextMidnight + 60_000).toISOString()}`)
    ).json();
    const changes = layer(after, "File sink");
    expect(changes?.status).toBe("found");
    expect(changes?.detail).toContain(`/${utcDay(nextMidnight)}/`);
    expect(Date.parse(changes?.takenAt ?? "")).toBeGreaterThanOrEqual(nextMidnight);
    // As of before midnight, the same lookup reads yesterday's files only.
    const earlier: LookupResult = await (
      await lookup(`group=user_features_1h&key=${user}&at=${new Date(nextMidnight - 10_000).toISOString()}`)
    ).json();
    expect(layer(earlier, "File sink")?.detail).not.toContain(`/${utcDay(nextMidnight)}/`);
    expect(layer(before, "File sink")?.status).toBe("found");
    // The archive page lists the new day's folder among the sink's days.
    const { describeGroupArchive } = await import("@/lib/archive/group-archive");
    const { sections } = await describeGroupArchive(await demoDefinition("user_features_1h"));
    const sink = sections.find((section) => section.title.startsWith("File sink user_features_daily_snapshot"));
    expect(sink?.partitions.map((partition) => partition.partition)).toContain(utcDay(nextMidnight));
    expect(sections.find((section) => section.title.startsWith("Snapshots"))?.partitions[0]?.partition).toBe(
      `date=${utcDay(nextMidnight)}`,
    );
  });

  it("answers hostile keys with 4xx and sends no SQL built from them", async () => {
    for (const key of ["7' OR '1'='1", "1; DROP TABLE user_features_1h", "ユーザー", "😀", "x".repeat(10_000), "7\u0000"]) {
      recorder.clear();
      const response = await lookup(`group=user_features_1h&key=${encodeURIComponent(key)}`);
      expect(response.status, key.slice(0, 20)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(recorder.statements.some((sql) => sql.includes('user_features_1h" WHERE'))).toBe(false);
      expect(recorder.statements.some((sql) => sql.includes(key.slice(0, 10)))).toBe(false);
    }
    const issues = (await (await lookup(`group=user_features_1h&key.user_id=${encodeURIComponent("1 OR 1=1")}`)).json()).issues;
    expect(issues).toEqual([{ path: "key.user_id", message: "must be a whole number" }]);
    expect((await lookup("group=no_such_group&key=1")).status).toBe(404);
    expect((await lookup("group=Robert'); DROP&key=1")).status).toBe(422);
  });

  it("reports a key that does not exist as not found in every layer", async () => {
    const result: LookupResult = await (await lookup("group=user_features_1h&key=987654321")).json();
    expect(result.layers.map((entry) => entry.status)).toEqual(["not_found", "not_found", "not_found", "not_found"]);
    expect(result.layers[1]?.detail).toBe("missing in Redis: never written by the sink, or deleted with the row");
  });
});
