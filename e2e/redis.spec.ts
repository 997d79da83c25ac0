import { expect, test } from "@playwright/test";
import { keepGroup } from "./support/pipeline";

test("user_features_1h shows its Redis key count, TTL histogram and coverage", async ({ page }, testInfo) => {
  // The collector walks Redis right after start; the e2e stack has been up for a while by now.
  await expect(async () => {
    await page.goto("/groups/user_features_1h");
    await expect(page.locator('[data-stat="Keys"]')).toHaveText(/^[\d,]+/, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const redis = page.getByRole("region", { name: "Redis" });
  await expect(redis.locator('[data-stat="Coverage"]')).toHaveText(/\d+(\.\d)? % \(/);
  await expect(redis.getByLabel('TTL of {"user_id":*}').locator('[data-ttl-bucket="no TTL"] dd').last()).not.toHaveText("0");
  await page.screenshot({ path: testInfo.outputPath("group-redis.png"), fullPage: true });

  await page.goto("/redis?sort=keys");
  const table = page.getByRole("table", { name: "Feature groups in Redis" });
  await expect(table.locator('tr[data-group="user_features_1h"]')).toContainText(/[\d,]+/);
  await expect(table.locator('tr[data-group="order_value_features"]')).toBeVisible();
  await expect(table.locator('tr[data-group="user_item_affinity"]')).toContainText(/[\d,]+/); // its sorted JSON keys {"category":…,"user_id":…}
  await expect(page.getByRole("img", { name: /Redis memory by feature group/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("redis.png"), fullPage: true });
});

test.describe("TTL advice", () => {
  let restore: () => Promise<void>;
  test.beforeAll(async ({ browser }) => {
    restore = await keepGroup(browser, "user_features_1h");
  });
  test.afterAll(async () => restore());

  test("a group registered with a cache TTL below its SLA is flagged, with the fix, on its page, the Redis page and the API", async ({
    page,
    request,
  }) => {
    const current = await (await page.request.get("/api/groups/user_features_1h")).json();
    const definition = {
      ...current.definition,
      freshness_sla_seconds: 30,
      entity: { name: "user", keys: ["user_id"] },
      redis: { kind: "hash", key_template: "features:user:{user_id}", ttl_seconds: 10 },
    };
    expect((await page.request.put("/api/groups/user_features_1h", { data: { version: current.version, definition } })).status()).toBe(200);

    const advice = (await (await request.get("/api/groups/user_features_1h/advice")).json()) as { advice: { rule: string; fix: string }[] };
    expect(advice.advice[0]).toMatchObject({ rule: "ttl_below_sla", fix: "Set ttl_seconds to the SLA plus a buffer: 90 s (1.5 min)." });
    await page.goto("/groups/user_features_1h");
    const item = page.getByRole("list", { name: "TTL advice" }).locator('[data-rule="ttl_below_sla"]');
    await expect(item).toContainText("The cache TTL (10 s) is shorter than the freshness SLA (30 s)");
    await page.goto("/redis");
    await expect(page.getByRole("list", { name: "TTL advice for user_features_1h" }).locator('[data-rule="ttl_below_sla"]')).toBeVisible();
  });
});
