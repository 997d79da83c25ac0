import { expect, test, type Page } from "@playwright/test";
import { emulator, keepGroup, setSla } from "./support/pipeline";

const cell = (page: Page, feature: string, layer: string) => page.locator(`tr[data-feature="${feature}"] td[data-layer="${layer}"]`);

// The drift test lowers user_features_1h's SLA so that a sink lag beyond it comes soon.
let restore: () => Promise<void>;
test.beforeAll(async ({ browser }) => {
  restore = await keepGroup(browser, "user_features_1h");
});
test.afterAll(async () => {
  emulator("resume", "all");
  await restore();
});

test("a demo user's values in RisingWave, Redis and the snapshot; drift shows up as sink lag", async ({ page }, testInfo) => {
  await page.goto("/lookup");
  await page.getByLabel("Feature group").selectOption("user_features_1h");
  await page.getByLabel("user_id").fill("7");
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page).toHaveURL(/group=user_features_1h&key.user_id=7/);
  const table = page.getByRole("table", { name: "Feature values by layer" });
  await expect(table).toBeVisible();
  // The layers: RisingWave (source), the JSON sink's key, the Hive snapshot and the file sink's changes; each one filled.
  for (const layer of ["risingwave", "redis:0", "archive:0", "changes:0"]) {
    await expect(cell(page, "event_count_1h", layer)).not.toHaveAttribute("data-state", "missing");
    await expect(cell(page, "event_count_1h", layer).locator("span").first()).not.toHaveText("—");
  }
  await expect(table).toContainText('{"user_id":7}');
  await expect(table).toContainText(/date=\d{4}-\d{2}-\d{2}/);
  // The daily snapshot predates today's updates: an expected difference, not counted as a disagreement.
  const snapshotCell = cell(page, "event_count_1h", "archive:0");
  await expect(snapshotCell).toHaveAttribute("data-state", /equal|expected/);
  if ((await snapshotCell.getAttribute("data-state")) === "expected") {
    await expect(snapshotCell).toContainText("snapshot taken before the last update");
    await expect(page.getByRole("status").filter({ hasText: "expected difference" })).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath("lookup.png"), fullPage: true });

  await setSla(page.request, "user_features_1h", 5);
  emulator("drift", "user_features_1h", "stale");
  await expect(async () => {
    await page.reload();
    await expect(cell(page, "event_count_1h", "redis:0")).toHaveAttribute("data-state", "different", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(cell(page, "event_count_1h", "redis:0")).toContainText(/Redis is \d+ s older than RisingWave: sink lag, beyond the 5 s SLA/);
  await expect(page.getByRole("status").filter({ hasText: "disagreement" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("lookup-drift.png"), fullPage: true });
});

test("a bad key is explained and nothing is looked up; an unknown key is not found in every layer", async ({ page, request }) => {
  await page.goto("/lookup?group=user_features_1h&key.user_id=1%3B%20DROP%20TABLE%20x");
  await expect(page.getByText("key.user_id: must be a whole number")).toBeVisible();
  const api = await request.get("/api/lookup?group=user_features_1h&key=987654321");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.layers.map((layer: { status: string }) => layer.status)).toEqual(["not_found", "not_found", "not_found", "not_found"]);
});

// Both keys change at nearly every barrier: a lookup that reads RisingWave after a barrier's commit and
// Redis before that barrier's sink write sees Redis a moment behind, "expected" (sink lag within the
// SLA). Found and agreeing within the SLA is what these keys must show; "different" or "missing" fail.
const FOUND = /^(equal|expected)$/;

test("a composite key's sorted JSON key, and a date-keyed group", async ({ page }) => {
  await page.goto("/lookup?group=user_item_affinity&key.user_id=3&key.category=books");
  await expect(page.getByRole("table", { name: "Feature values by layer" })).toContainText('{"category":"books","user_id":3}');
  await expect(cell(page, "category_views_24h", "redis:0")).toHaveAttribute("data-state", FOUND);
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/lookup?group=category_daily_stats&key.category=books&key.event_date=${today}`);
  await expect(cell(page, "view_count", "redis:0")).toHaveAttribute("data-state", FOUND);
});

test("the archive page lists a week of snapshot partitions and the file sink's days", async ({ page }) => {
  await page.goto("/groups/user_features_1h/archive");
  const snapshots = page.getByRole("region", { name: /Snapshots/ });
  await expect(snapshots.locator("tr[data-partition^='date=']")).toHaveCount(8);
  await expect(snapshots.locator("tr[data-missing-day]")).toHaveCount(0);
  await expect(snapshots.locator("tr[data-partition^='date=']").first().locator("td").nth(2)).toHaveText(/^\d[\d,]*$/);
  await expect(
    page
      .getByRole("region", { name: /File sink user_features_daily_snapshot/ })
      .locator("tr[data-partition]")
      .first(),
  ).toBeVisible();
});

test("'as of' is typed and shown in UTC, applies to the snapshot only, and RisingWave and Redis say 'now'", async ({ page }) => {
  await page.goto("/lookup");
  await page.getByLabel("Feature group").selectOption("user_features_1h");
  await page.getByLabel("user_id").fill("7");
  const asOf = page.getByLabel("Snapshot as of (UTC, optional)");
  await expect(asOf).toHaveAccessibleDescription(
    /archive snapshot taken at or before this time; RisingWave and Redis always show their current values/,
  );
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await asOf.fill(`${yesterday} 12:00:00`);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page).toHaveURL(new RegExp(`at=${yesterday}T12%3A00%3A00`));
  await expect(asOf).toHaveValue(`${yesterday} 12:00:00`); // not a local 12-hour rendering
  const status = page.getByRole("status").filter({ hasText: "snapshot as of" });
  await expect(status).toContainText(`snapshot as of ${yesterday} 12:00:00 UTC, RisingWave and Redis now`);
  await expect(page.locator('th[data-layer="risingwave"]')).toContainText("now");
  await expect(page.locator('th[data-layer="archive:0"]')).not.toContainText("· now");
});
