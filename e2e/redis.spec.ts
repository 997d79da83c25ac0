import { expect, test } from "@playwright/test";

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
