import { expect, test } from "@playwright/test";
import { emulator, keepGroup } from "./support/pipeline";

// The blue-green switch driven by the emulator's backfill (20 s in this run, scripts/test.sh): the
// version appears Creating with its progress, catches up, serving switches to it through the dialog
// that shows the verdict, and back. Last of the specs: the _v2 MV stays in the emulated catalog.
let restore: () => Promise<void>;
test.beforeAll(async ({ browser }) => {
  restore = await keepGroup(browser, "user_features_1h");
});
test.afterAll(async () => restore());

test("backfill → caught up → switch serving in a confirmed dialog → switch back", async ({ page, request }) => {
  test.setTimeout(150_000);
  await page.goto("/groups/user_features_1h/versions");
  await expect(page.getByRole("list", { name: "Blue-green steps" })).toContainText("CREATE MATERIALIZED VIEW user_features_1h_v2 AS");

  emulator("backfill", "user_features_1h");
  const candidate = page.locator('tr[data-version="user_features_1h_v2"]');
  await expect(async () => {
    await page.reload();
    await expect(candidate).toHaveAttribute("data-status", "Creating", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(candidate).toContainText(/backfill \d+(\.\d+)?%/);
  await page.screenshot({ path: test.info().outputPath("versions-backfilling.png"), fullPage: true });

  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("heading", { name: /user_features_1h_v2 against user_features_1h: caught up/ })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 60_000 });
  await page.getByRole("button", { name: "Switch serving to user_features_1h_v2" }).click();
  const dialog = page.getByRole("dialog", { name: "Serve user_features_1h from user_features_1h_v2?" });
  await expect(dialog.getByRole("list", { name: "Verdict" })).toContainText("sampled entities equal");
  await page.screenshot({ path: test.info().outputPath("versions-switch-dialog.png"), fullPage: true });
  await dialog.getByRole("button", { name: "Switch to user_features_1h_v2" }).click();
  await expect(page.locator('tr[data-version="user_features_1h_v2"]')).toContainText("serving");
  expect((await (await request.get("/api/groups/user_features_1h")).json()).definition).toMatchObject({
    materialized_view: "user_features_1h_v2",
    versions: ["user_features_1h"],
  });
  await expect(page.getByRole("list", { name: "Blue-green steps" }).locator('[data-done="true"]')).toHaveCount(3); // created, caught up, switched

  // The undo: back to the version that still exists.
  await page.getByRole("button", { name: "Switch serving to user_features_1h", exact: true }).click();
  await page
    .getByRole("dialog", { name: "Serve user_features_1h from user_features_1h?" })
    .getByRole("button", { name: "Switch to user_features_1h" })
    .click();
  await expect(page.locator('tr[data-version="user_features_1h"]')).toContainText("serving");
  expect((await (await request.get("/api/groups/user_features_1h")).json()).definition).toMatchObject({
    materialized_view: "user_features_1h",
    versions: ["user_features_1h_v2"],
  });
});
