import { spawnSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { emulator, keepGroup } from "./support/pipeline";

// The blue-green switch driven by the emulator's backfill (20 s in this run, scripts/test.sh) and its
// `sql` command running the checklist's statements as shown on the page: the version appears Creating
// with its progress, catches up, gets its sinks, serving switches to it through the dialog that shows
// the verdict, back, and forward again; then v1's sinks and v1 are dropped. Last of the specs: it
// leaves user_features_1h_v2 serving and user_features_1h gone from the emulated catalog.
let restore: () => Promise<void>;
test.beforeAll(async ({ browser }) => {
  restore = await keepGroup(browser, "user_features_1h");
});
test.afterAll(async () => restore());

const steps = (page: Page) => page.getByRole("list", { name: "Blue-green steps" }).locator("li");

/** Runs step `index`'s SQL, as the page shows it, through the emulator; waits until the page ticks the step off. */
async function runStep(page: Page, index: number) {
  const sql = await steps(page).nth(index).locator("pre").textContent();
  expect(sql).toBeTruthy();
  emulator("sql", sql ?? "");
  await expect(async () => {
    await page.reload();
    await expect(steps(page).nth(index)).toHaveAttribute("data-done", "true", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

async function switchServing(page: Page, to: string) {
  await page.getByRole("button", { name: `Switch serving to ${to}`, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Serve user_features_1h from ${to}?` });
  await dialog.getByRole("button", { name: `Switch to ${to}` }).click();
  await expect(page.locator(`tr[data-version="${to}"]`)).toContainText("serving");
}

test("create → backfill → caught up → sinks → switch in a confirmed dialog → back → drop v1's sinks and v1", async ({ page, request }) => {
  test.setTimeout(180_000);
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
  await runStep(page, 1); // CREATE SINK … FROM user_features_1h_v2, one per sink of v1
  await expect(page.locator('tr[data-version="user_features_1h_v2"]')).toContainText("user_features_to_redis_v2");

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
  await expect(steps(page).and(page.locator('[data-done="true"]'))).toHaveCount(4); // created, its sinks, caught up, switched

  // The undo: back to the version that still exists, and forward again.
  await switchServing(page, "user_features_1h");
  expect((await (await request.get("/api/groups/user_features_1h")).json()).definition).toMatchObject({
    materialized_view: "user_features_1h",
    versions: ["user_features_1h_v2"],
  });
  await switchServing(page, "user_features_1h_v2");

  // Dropping v1 while its sinks read it is refused, as RisingWave refuses it; in the checklist's order it goes.
  const early = spawnSync("node_modules/.bin/tsx", ["emulator/main.ts", "sql", "DROP MATERIALIZED VIEW user_features_1h;"], {
    encoding: "utf8",
    env: process.env,
  });
  expect(early.status).toBe(1);
  expect(early.stderr).toMatch(/sink user_features_to_redis\b.* on it; drop/);
  await runStep(page, 4); // DROP SINK … of v1
  await runStep(page, 5); // DROP MATERIALIZED VIEW user_features_1h
  await expect(steps(page).and(page.locator('[data-done="true"]'))).toHaveCount(6);
  await expect(page.locator('tr[data-version="user_features_1h"]')).toContainText("dropped");
  await expect(page.getByText("Switch complete: user_features_1h is dropped and user_features_1h_v2 serves.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /against user_features_1h:/ })).toHaveCount(0); // no verdict against a dropped MV
  await page.screenshot({ path: test.info().outputPath("versions-dropped.png"), fullPage: true });
  // Serving goes on from v2 and its sinks.
  expect((await request.get("/api/serving/user_features_1h/7")).status()).toBe(200);
});
