import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// A dbt project's lineage through the import page: the demo's groups are defined in YAML, so the
// example manifest's models are uploaded without their meta.tideline blocks (candidates, nothing to
// conflict with); its sources then stand upstream of user_events and orders_cdc in the graph.
const manifest = JSON.parse(readFileSync("examples/dbt/target/manifest.json", "utf8"));
for (const model of Object.values(manifest.nodes) as { config: { meta: Record<string, unknown> }; meta: Record<string, unknown> }[]) {
  delete model.config.meta.tideline;
  delete model.meta.tideline;
}

test("a dbt manifest's dry run lists its candidates; applied, its sources appear upstream in the lineage graph", async ({
  page,
}, testInfo) => {
  await page.goto("/groups/import");
  await page.getByLabel("dbt manifest (target/manifest.json, schema v12)").setInputFiles({
    name: "manifest.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(manifest)),
  });
  await page.getByRole("region", { name: "Import from a dbt project" }).getByRole("button", { name: "Dry run" }).click();
  await expect(
    page.getByRole("heading", { name: /dbt project feature_store \(manifest generated 2026-12-06T09:00:00.000000Z\): 0 to create/ }),
  ).toBeVisible();
  await expect(page.getByRole("list", { name: "Candidates" })).toContainText("user_features_1h");
  await page.getByRole("region", { name: "Import from a dbt project" }).getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status")).toContainText("Imported from dbt project feature_store: 0 created, 0 updated, 0 unchanged.");

  await page.goto("/lineage");
  const dbtSource = page.locator('.react-flow__node[data-id="dbt:source.feature_store.streams.user_events"]');
  await expect(dbtSource).toContainText("streams.user_events");
  await expect(page.getByTestId("rf__edge-dbt:source.feature_store.streams.user_events->user_events")).toBeAttached();
  await expect(page.getByTestId("rf__edge-dbt:source.feature_store.streams.orders_cdc->orders_cdc")).toBeAttached();
  await dbtSource.click();
  const panel = page.getByRole("complementary", { name: "Details of streams.user_events" });
  await expect(panel.getByRole("definition").filter({ hasText: "source.feature_store.streams.user_events" })).toBeVisible();
  await expect(panel).toContainText("Clickstream events from the Kafka topic user-events.");
  await page.screenshot({ path: testInfo.outputPath("lineage-dbt.png"), fullPage: true });
});

test("npx tideline import --dbt with a token: the example's groups conflict with the demo's YAML ones, nothing is written", async ({
  page,
}) => {
  await page.goto("/settings");
  await page.getByLabel("Name", { exact: true }).fill("e2e-dbt-cli");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  const url = new URL(page.url()).origin;
  const before = await (await page.request.get("/api/groups/user_features_1h")).json();
  const cli = (file: string, ...flags: string[]) =>
    spawnSync(process.execPath, ["bin/tideline.mjs", "import", "--dbt", file, ...flags, "--url", url, "--token", token], {
      encoding: "utf8",
      env: process.env,
      timeout: 60_000,
    });

  const conflict = cli("examples/dbt/target/manifest.json");
  expect(conflict.status, conflict.stderr).toBe(1);
  expect(conflict.stdout).toMatch(
    /model\.feature_store\.user_features_1h: user_features_1h is defined in YAML \(features\/user_engagement\.yaml\)/,
  );
  expect((await (await page.request.get("/api/groups/user_features_1h")).json()).version).toBe(before.version);

  const dir = mkdtempSync(path.join(tmpdir(), "tideline-dbt-e2e-"));
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
  const dryRun = cli(path.join(dir, "manifest.json"), "--dry-run");
  expect(dryRun.status, dryRun.stderr).toBe(0);
  expect(dryRun.stdout).toContain("candidate user_features_1h (model.feature_store.user_features_1h): no meta.tideline block");
});
