// What the emulated sinks write, checked against the contract's exact formats.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { asyncBufferFromFile, parquetMetadata, parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import { startTestEmulator } from "../support/emulator";

let emulator: Emulator;
let archiveRoot: string;

beforeAll(async () => {
  ({ emulator, archiveRoot } = await startTestEmulator({ rate: 2_000 }));
  let now = Date.now();
  for (let barrier = 0; barrier < 7; barrier++) await emulator.tick((now += 1_000));
});
afterAll(() => emulator.stop());

async function files(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(archiveRoot, folder), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(archiveRoot, path.join(entry.parentPath, entry.name))).sort();
}

describe("Redis sink (ENCODE JSON)", () => {
  it("keys by compact JSON primary key; the value is the sorted compact JSON row", async () => {
    const { rows } = await emulator.pool.query("SELECT * FROM public.user_features_1h WHERE user_id = 7");
    const row = rows[0];
    const raw = await emulator.redis.get('{"user_id":7}');
    expect(raw).not.toBeNull();
    const value = JSON.parse(raw ?? "{}") as Record<string, unknown>;
    expect(Object.keys(value)).toEqual([...Object.keys(value)].sort());
    expect(Object.keys(value).sort()).toEqual(["avg_purchase_amount_1h", "click_count_1h", "event_count_1h", "last_event_ts", "purchase_count_1h", "total_spend_1h", "user_id"]);
    expect(value.user_id).toBe(7);
    expect(value.event_count_1h).toBe(Number(row.event_count_1h));
    expect(typeof value.total_spend_1h).toBe("string");
    expect(value.total_spend_1h).toBe(row.total_spend_1h);
    expect(value.last_event_ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(Date.parse(String(value.last_event_ts))).toBe((row.last_event_ts as Date).getTime());
    expect(raw).not.toContain(" ");
    expect(await emulator.redis.ttl('{"user_id":7}')).toBe(-1); // the sink sets no TTL
  });
});

describe("Redis sink (ENCODE TEMPLATE) and the serving cache", () => {
  it("writes key_format keys with value_format text", async () => {
    const { rows } = await emulator.pool.query("SELECT user_id FROM public.order_value_features ORDER BY user_id LIMIT 1");
    const userId = rows[0].user_id as string;
    const value = await emulator.redis.get(`order_features:${userId}`);
    expect(value).toMatch(/^order_count_7d:\d+,total_order_value_7d:[\d.]+,avg_order_value_7d:[\d.]+,last_order_ts:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
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
  it("rolls files named {s3.path}/{YYYY-MM-DD}/{uuid}_{secs}_{seq}.parquet", async () => {
    const written = await files("sinks/user_features_1h");
    expect(written.length).toBeGreaterThan(0);
    for (const file of written) {
      expect(file).toMatch(/^sinks\/user_features_1h\/\d{4}-\d\d-\d\d\/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}_\d{10}_\d+\.parquet$/);
    }
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(path.join(archiveRoot, written[0] ?? "")) });
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(["avg_purchase_amount_1h", "click_count_1h", "event_count_1h", "last_event_ts", "purchase_count_1h", "total_spend_1h", "user_id"]);
    expect(typeof rows[0]?.user_id).toBe("bigint");
    expect(rows[0]?.last_event_ts).toBeInstanceOf(Date);
  });

  it("writes Hive-style daily snapshots for the last week and today, sorted by key in row groups", async () => {
    const snapshots = await files("snapshots/user_features_1h");
    expect(snapshots).toHaveLength(8);
    for (const file of snapshots) expect(file).toMatch(/^snapshots\/user_features_1h\/date=\d{4}-\d\d-\d\d\/part-00000\.parquet$/);
    const today = new Date().toISOString().slice(0, 10);
    expect(snapshots.at(-1)).toContain(`date=${today}`);
    const file = await asyncBufferFromFile(path.join(archiveRoot, snapshots[0] ?? ""));
    const metadata = parquetMetadata(await file.slice(0));
    expect(Number(metadata.num_rows)).toBe(500);
    const rows = await parquetReadObjects({ file, columns: ["user_id", "snapshot_ts"] });
    const ids = rows.map((row) => Number(row.user_id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect((rows[0]?.snapshot_ts as Date).toISOString().slice(0, 10)).toBe(snapshots[0]?.match(/date=([\d-]+)/)?.[1]);
  });
});
