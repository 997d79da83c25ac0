import { expect, test } from "@playwright/test";
import { Redis } from "ioredis";
import { Client } from "pg";

// The cost page against the demo pipeline: its Redis and RisingWave figures are checked against what
// Redis (MEMORY USAGE of every key, INFO memory) and rw_table_stats say, read here directly.
const DEMO_GROUPS = [
  "category_daily_stats",
  "high_value_customers",
  "order_value_features",
  "session_activity",
  "user_features_1h",
  "user_item_affinity",
];
type CostGroup = { group: string; redisBytes: number | null; risingwaveBytes: number | null; archiveBytes: number | null; monthly: number };
type Cost = { groups: CostGroup[]; redisMeasuredAt: string | null };

const within = (measured: number | null, truth: number, share: number) => {
  expect(measured).not.toBeNull();
  expect(Math.abs((measured as number) - truth) / truth, `${measured} against ${truth}`).toBeLessThan(share);
};

test("the cost page lists the demo groups with Redis and RisingWave figures that match Redis and rw_table_stats within 10 %", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const cost = async () => (await (await request.get("/api/cost")).json()) as Cost;
  await expect.poll(async () => (await cost()).redisMeasuredAt, { timeout: 30_000 }).not.toBeNull();
  const report = await cost();
  const byName = new Map(report.groups.map((group) => [group.group, group]));
  for (const name of DEMO_GROUPS) {
    expect(byName.get(name)?.redisBytes, name).toBeGreaterThan(0);
    expect(byName.get(name)?.risingwaveBytes, name).toBeGreaterThan(0);
  }
  expect(byName.get("user_features_1h")?.archiveBytes).toBeGreaterThan(0); // its snapshots and file sink

  // RisingWave: each MV's and its internal tables' stats, as rw_table_stats holds them now.
  const risingwave = new Client({ connectionString: process.env.RISINGWAVE_URL });
  await risingwave.connect();
  try {
    const { rows } = await risingwave.query<{ name: string; bytes: number }>(
      `SELECT m.name, (SELECT sum(st.total_key_size + st.total_value_size) FROM rw_catalog.rw_table_stats AS st
         WHERE st.id = m.id OR st.id IN (SELECT i.id FROM rw_catalog.rw_internal_tables AS i WHERE i.job_id = m.id))::float8 AS bytes
       FROM rw_catalog.rw_materialized_views AS m WHERE m.name = ANY($1::varchar[])`,
      [DEMO_GROUPS],
    );
    expect(rows).toHaveLength(DEMO_GROUPS.length);
    for (const row of rows) within(byName.get(row.name)?.risingwaveBytes ?? null, row.bytes, 0.1);
  } finally {
    await risingwave.end();
  }

  // Redis: MEMORY USAGE of every key of user_features_1h (its sink's and its cache's), against the walk's estimate.
  const stats = (await (await request.get("/api/redis/stats")).json()) as {
    stats: { groups: { group: string; memoryBytes: number; patterns: { glob: string }[] }[]; server: { usedMemoryBytes: number } };
  };
  const user = stats.stats.groups.find((group) => group.group === "user_features_1h");
  const redis = new Redis(process.env.REDIS_URL as string);
  try {
    let truth = 0;
    for (const { glob } of user?.patterns ?? []) {
      for (let cursor = "0", first = true; first || cursor !== "0"; first = false) {
        const [next, keys] = await redis.scan(cursor, "MATCH", glob, "COUNT", 1_000);
        cursor = next;
        const pipeline = redis.pipeline();
        for (const key of keys) pipeline.memory("USAGE", key);
        for (const [, bytes] of (await pipeline.exec()) ?? []) truth += Number(bytes ?? 0);
      }
    }
    within(byName.get("user_features_1h")?.redisBytes ?? null, truth, 0.1);
    // Every group's share together fits in what INFO memory says Redis uses.
    const info = await redis.info("memory");
    const used = Number(/used_memory:(\d+)/.exec(info)?.[1]);
    expect(report.groups.reduce((sum, group) => sum + (group.redisBytes ?? 0), 0)).toBeLessThan(used);
  } finally {
    redis.disconnect();
  }

  await page.goto("/cost");
  const table = page.getByRole("table", { name: "Cost per feature group" });
  for (const name of DEMO_GROUPS) await expect(table.locator(`tr[data-group="${name}"] [data-store="redis"]`)).not.toHaveText(/^–/);
  await expect(page.getByRole("table", { name: "Cost per team" })).toContainText("recsys@example.com");
  await expect(page.getByText("Estimates, not a bill")).toBeVisible();
  const csv = await (await request.get("/api/cost/csv")).text();
  expect(csv.split("\n")[0]).toBe(
    "group,owner,redis_bytes,risingwave_bytes,archive_bytes,redis_usd_month,risingwave_usd_month,archive_usd_month,total_usd_month",
  );
  for (const name of DEMO_GROUPS) expect(csv).toContain(`\n${name},`);
  await page.screenshot({ path: test.info().outputPath("cost.png"), fullPage: true });
});
