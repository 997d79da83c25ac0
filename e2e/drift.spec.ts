import { expect, test } from "@playwright/test";

// The drift page against the demo pipeline: the collector's drift cycle (every 15 s in this run)
// measures the article's group; its features, the histogram overlay and the parity are shown.
test("the drift page lists each feature's pairs, overlays the picked feature's histograms and shows the parity", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  await expect
    .poll(async () => (await (await request.get("/api/groups/user_features_1h/drift")).json()).latest?.features?.length ?? 0, {
      timeout: 60_000,
      intervals: [1_000],
    })
    .toBeGreaterThan(0);
  await page.goto("/groups/user_features_1h/drift");
  const table = page.getByRole("table", { name: /Drift per feature/ });
  await expect(table.getByRole("rowheader", { name: /purchase_count_1h/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Parity: RisingWave ↔ Redis/ })).toBeVisible();
  // Keyboard: the feature's link picks it for the overlay.
  const link = table.getByRole("link", { name: "session_count_1h" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/feature=session_count_1h/);
  await expect(page.getByRole("heading", { name: "session_count_1h: training, live and served" })).toBeVisible();
  await expect(page.getByRole("img", { name: /session_count_1h: share of values per bin/ })).toBeVisible();
});

test("the catalog has a drift column and the overview counts groups per drift level", async ({ page, request }) => {
  test.setTimeout(90_000);
  await expect
    .poll(async () => (await (await request.get("/api/drift")).json()).groups?.length ?? 0, { timeout: 60_000, intervals: [1_000] })
    .toBeGreaterThan(0);
  await page.goto("/groups");
  await expect(page.getByRole("columnheader", { name: "Drift" })).toBeVisible();
  await page.getByRole("link", { name: /^user_features_1h drift: (ok|warning|breach|unknown)$/ }).click();
  await expect(page).toHaveURL(/\/groups\/user_features_1h\/drift/);
  await page.goto("/");
  const panel = page.getByRole("region", { name: "Feature drift" });
  await expect(panel.getByRole("list", { name: "Groups per drift level" })).toBeVisible();
  await expect(panel).toContainText(/Latest measurement \d{4}-\d{2}-\d{2}/);
});
