// What the emulated sinks write, checked against the contract's exact formats (§6, §7, §11).
import { readdir } from "node:fs/promises";
import path from "node:path";
import { asyncBufferFromFile, parquetMetadata, parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import { FILE_SINK_WRITERS } from "@/emulator/sinks";
import { startTestEmulator } from "../support/emulator";

/** user_features_1h's columns in alphabetical order: the JSON value's key order, and the Parquet file's columns sorted. */
const SORTED_USER_FEATURE_COLUMNS = [
  "event_count_1h",
  "last_event_ts",
  "purchase_count_1h",
  "session_count_1h",
  "user_id",
  "view_count_1h",
];
let emulator: Emulator;
let archiveRoot: string;
let startedAt: number;

beforeAll(async () => {
  startedAt = Date.now();
  ({ emulator, archiveRoot } = await startTestEmulator({ rate: 2_000 }));
  let now = startedAt;
  for (let barrier = 0; barrier < 7; barrier++) await emulator.tick((now += 1_000));
});
afterAll(() => emulator.stop());

async function files(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(archiveRoot, folder), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(archiveRoot, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe("Redis sink (ENCODE JSON)", () => {
  it("keys by compact JSON primary key; the value is the sorted compact JSON row", async () => {
    const { rows } = await emulator.pool.query("SELECT * FROM public.user_features_1h WHERE user_id = 7");
    const row = rows[0];
    const raw = await emulator.redis.get('{"user_id":7}');
    expect(raw).not.toBeNull();
    const value = JSON.parse(raw ?? "{}") as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(SORTED_USER_FEATURE_COLUMNS);
    expect(value.user_id).toBe(7);
    expect(value.event_count_1h).toBe(Number(row.event_count_1h));
    expect(value.last_event_ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(Date.parse(String(value.last_event_ts))).toBe((row.last_event_ts as Date).getTime());
    expect(raw).not.toContain(" ");
    expect(await emulator.redis.ttl('{"user_id":7}')).toBe(-1); // the sink sets no TTL
  });

  it("sorts composite keys, writes dates as day numbers, int8 beyond 2^53 exactly and jsonb as text", async () => {
    expect(await emulator.redis.get('{"category":"books","user_id":3}')).toMatch(
      /^\{"category":"books","category_spend_24h":"[\d.]+","category_views_24h":\d+,"user_id":3\}$/,
    );
    const today = new Date().toISOString().slice(0, 10);
    const days = Math.round(Date.parse(`${today}T00:00:00Z`) / 86_400_000) + 719_163;
    expect(await emulator.redis.get(`{"category":"books","event_date":${days}}`)).toContain(`"event_date":${days}`);
    const session = (await emulator.pool.query("SELECT session_id FROM public.session_activity LIMIT 1")).rows[0].session_id as string;
    const value = await emulator.redis.get(`{"session_id":"${session}"}`);
    expect(value).toMatch(/"event_mix":"\{\\"view\\": \d+, \\"click\\": \d+, \\"purchase\\": \d+, \\"add_to_cart\\": \d+\}"/);
    expect(value).toMatch(/"last_event_at":\d{13},/); // timestamp (no time zone): epoch milliseconds
  });

  it("DELs the keys of rows that leave the window (FORMAT UPSERT)", async () => {
    const quiet = (await startTestEmulator({ rate: 20 })).emulator;
    const users = async () =>
      new Set((await quiet.pool.query<{ user_id: string }>("SELECT user_id FROM public.user_features_1h")).rows.map((row) => row.user_id));
    try {
      const before = await users();
      expect(before.size).toBeGreaterThan(100);
      // An hour and two minutes on, every seeded minute has left the window: only the users of this barrier's events stay.
      await quiet.tick(Date.now() + 3_720_000);
      const after = await users();
      const left = [...before].filter((user) => !after.has(user));
      expect(left.length).toBeGreaterThan(before.size / 2);
      expect(await quiet.redis.exists(...left.map((user) => `{"user_id":${user}}`))).toBe(0);
      expect(await quiet.redis.exists(...[...after].map((user) => `{"user_id":${user}}`))).toBe(after.size);
    } finally {
      await quiet.stop();
    }
  });
});

describe("Redis sink (ENCODE TEMPLATE) and the serving cache", () => {
  it("writes key_format keys with value_format text in RisingWave's text forms", async () => {
    const big = await emulator.redis.get("order_features:9007199254741043");
    expect(big).toMatch(
      /^total_orders:\d+,lifetime_value:[\d.]+,avg_order_value:[\d.]+,last_order_ts:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{3}|\.\d{6})?\+00:00$/,
    );
    const [, keys] = await emulator.redis.scan("0", "MATCH", "risk:customer:*", "COUNT", 1000);
    expect(keys.length).toBeGreaterThan(0);
    expect(await emulator.redis.get(keys[0] ?? "")).toMatch(
      /^orders=\d+;max=[\d.]+;vip=[tf];last=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{3})?\+00:00$/,
    );
  });

  it("keeps cache-aside hashes features:user:{id} with a two-hour TTL", async () => {
    const [, keys] = await emulator.redis.scan("0", "MATCH", "features:user:*", "COUNT", 1000);
    expect(keys.length).toBeGreaterThan(0);
    const key = keys[0] ?? "";
    expect(await emulator.redis.type(key)).toBe("hash");
    const ttl = await emulator.redis.ttl(key);
    expect(ttl).toBeGreaterThan(7_000);
    expect(ttl).toBeLessThanOrEqual(7_200);
    expect(Object.keys(await emulator.redis.hgetall(key))).toContain("purchase_count_1h");
  });
});

describe("S3 sink and snapshot job (Parquet)", () => {
  it("rolls files named {s3.path}/{YYYY-MM-DD}/{uuid}_{secs}_{seq}.parquet, one series per writer, secs per file", async () => {
    const written = (await files("snapshots/user_features_1h")).filter((file) => !file.includes("date="));
    expect(written.length).toBeGreaterThan(0);
    for (const file of written) {
      expect(file).toMatch(
        /^snapshots\/user_features_1h\/\d{4}-\d\d-\d\d\/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}_\d{10}_\d+\.parquet$/,
      );
      const secs = Number(/_(\d{10})_/.exec(file)?.[1]);
      expect(secs * 1000).toBeGreaterThan(startedAt); // the file's own creation time, not the writer's
    }
    expect(new Set(written.map((file) => /\/([0-9a-f-]{36})_/.exec(file)?.[1])).size).toBe(FILE_SINK_WRITERS);
    const firstFile = await asyncBufferFromFile(path.join(archiveRoot, written[0] ?? ""));
    const rows = await parquetReadObjects({ file: firstFile });
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(SORTED_USER_FEATURE_COLUMNS);
    expect(typeof rows[0]?.user_id).toBe("bigint");
    expect(rows[0]?.last_event_ts).toBeInstanceOf(Date);
    const metadata = parquetMetadata(await firstFile.slice(0));
    expect(metadata.schema.find((element) => element.name === "last_event_ts")?.logical_type).toEqual({
      type: "TIMESTAMP",
      isAdjustedToUTC: true,
      unit: "MICROS",
    });
  });

  it("writes Hive-style daily snapshots in several part files for the last week and today, sorted by key", async () => {
    const snapshots = (await files("snapshots/user_features_1h")).filter((file) => file.includes("date="));
    expect(snapshots).toHaveLength(16);
    for (const file of snapshots) expect(file).toMatch(/^snapshots\/user_features_1h\/date=\d{4}-\d\d-\d\d\/part-0000[01]\.parquet$/);
    const today = new Date().toISOString().slice(0, 10);
    expect(snapshots.at(-1)).toContain(`date=${today}`);
    const parts = await Promise.all(snapshots.slice(0, 2).map(async (file) => asyncBufferFromFile(path.join(archiveRoot, file))));
    const counts = await Promise.all(parts.map(async (file) => Number(parquetMetadata(await file.slice(0)).num_rows)));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(500);
    const rows = await parquetReadObjects({ file: parts[0]!, columns: ["user_id", "snapshot_ts"] });
    const ids = rows.map((row) => Number(row.user_id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect((rows[0]?.snapshot_ts as Date).toISOString().slice(0, 10)).toBe(snapshots[0]?.match(/date=([\d-]+)/)?.[1]);
    const orders = (await files("snapshots/order_value_features")).filter((file) => file.includes(`date=${today}`));
    expect(orders).toHaveLength(2);
    const decimal = parquetMetadata(await (await asyncBufferFromFile(path.join(archiveRoot, orders[0] ?? ""))).slice(0)).schema.find(
      (element) => element.name === "lifetime_value",
    );
    expect(decimal).toMatchObject({ type: "FIXED_LEN_BYTE_ARRAY", precision: 38, scale: 10 });
  });
});
