import { expect, test, type Locator } from "@playwright/test";
import { mismatchedYaml } from "../tests/support/mismatched-yaml";
import { keepGroup } from "./support/pipeline";

test("search “purchase” finds purchase_count_1h in user_features_1h", async ({ page }, testInfo) => {
  await page.goto("/groups");
  await page.getByRole("searchbox", { name: "Search" }).fill("purchase");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=purchase/);
  const matches = page.getByRole("list", { name: "Matching features in user_features_1h" });
  await expect(matches).toContainText("purchase_count_1h");
  await expect(page.getByRole("list", { name: "Matching features in category_daily_stats" })).toContainText("purchase_count");
  await page.screenshot({ path: testInfo.outputPath("group-search.png"), fullPage: true });
  // A feature's exact name ranks its group first (auth.spec.ts edits this group's description).
  await page.getByRole("searchbox", { name: "Search" }).fill("session_count_1h");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("row").nth(1)).toContainText("user_features_1h");
});

test("filters are in the URL and an empty result says so", async ({ page }) => {
  await page.goto("/groups?tag=no-such-tag");
  await expect(page.getByRole("heading", { name: "No feature group matches" })).toBeVisible();
  await page.goto("/groups?owner=recsys%40example.com");
  // Exact names: each row also links to the group's drift ("user_item_affinity drift: ok").
  await expect(page.getByRole("link", { name: "user_item_affinity", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "user_features_1h", exact: true })).toHaveCount(0);
});

test("group page shows the live schema check, the YAML and the history", async ({ page }) => {
  await page.goto("/groups/user_features_1h");
  await expect(page.getByRole("heading", { level: 1, name: "user_features_1h" })).toBeVisible();
  await expect(page.getByText("All declared features match user_features_1h")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Freshness, last hour" })).toBeVisible();
  await expect(page.locator('[data-origin="yaml"]')).toHaveText("YAML file · features/user_engagement.yaml"); // where to change it
  await page.getByRole("link", { name: "YAML" }).click();
  await expect(page.locator("pre")).toContainText("materialized_view: user_features_1h");
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByText(/create by seed/i)).toBeVisible();
});

test("register a group through the form against a live MV: mismatch shown, plan, confirm, in the list", async ({ page }, testInfo) => {
  await page.goto("/groups/new");
  await page.getByLabel("Name").fill("order_value_features_e2e");
  await page.getByLabel("Owner").fill("e2e@example.com");
  await page.getByLabel("Tags").fill("e2e, orders");
  await page.getByLabel("Materialized view").selectOption("order_value_features");
  // Picking the MV fills the features from its columns.
  await expect(page.getByLabel("Feature 1 name")).toHaveValue("total_orders");
  await expect(page.getByLabel("Entity", { exact: true })).toHaveValue("customer");
  const check = page.getByRole("table", { name: "Live schema check" });
  await expect(page.getByText("All declared features match order_value_features")).toBeVisible();

  // A declared feature that is not a column shows as a mismatch before saving.
  await page.getByRole("button", { name: "Add feature" }).click();
  await page.getByLabel("Feature 5 name").fill("not_a_column");
  await expect(check.locator('tr[data-status="missing"]')).toContainText("not_a_column");
  await expect(page.getByText("1 mismatch(es) with order_value_features")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("form-mismatch.png"), fullPage: true });
  // The mismatch is an error, not advice: the server refuses it, next to the field, and the message takes focus.
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByLabel("Feature 5 name")).toHaveAccessibleDescription("order_value_features has no column not_a_column");
  await expect(page.getByRole("alert").filter({ hasText: "does not match its materialized view" })).toBeFocused();
  await expect(page.getByRole("region", { name: "Review the plan" })).toHaveCount(0);
  await page.getByRole("button", { name: "Remove feature 5" }).click();

  await page.getByRole("button", { name: "Review changes" }).click();
  const plan = page.getByRole("region", { name: "Review the plan" });
  await expect(plan).toContainText("Create order_value_features_e2e");
  await expect(plan).toContainText("+ feature avg_order_value");
  await expect(plan).toContainText("customer (key customer_id)"); // readable, not JSON
  await expect(plan.getByRole("heading", { name: "Review the plan" })).toBeFocused();
  await expect(plan).toBeInViewport();
  await plan.getByRole("button", { name: "Confirm and register" }).click();

  await expect(page).toHaveURL(/\/groups\/order_value_features_e2e\?saved=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Saved order_value_features_e2e as version 1." })).toBeVisible();
  await page.goto("/groups?q=order_value_features_e2e");
  await expect(page.getByRole("link", { name: "order_value_features_e2e", exact: true })).toBeVisible();
});

test("invalid input is explained next to the field", async ({ page }) => {
  await page.goto("/groups/new");
  await page.getByLabel("Name").fill("Not Snake");
  await page.getByLabel("Owner").fill(""); // pre-filled with the signed-in user
  await page.getByLabel("Freshness SLA (seconds)").fill("");
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByText(/use snake_case/)).toBeVisible();
  await expect(page.getByText("an owner is required")).toBeVisible();
  await expect(page.getByText("a number of seconds is required")).toBeVisible();
  await expect(page.getByText("declare at least one feature")).toBeVisible();
});

test("the server's per-field verdict lands next to the field", async ({ page }) => {
  await page.goto("/groups/new");
  await page.getByLabel("Name").fill("user_features_1h"); // already registered
  await page.getByLabel("Materialized view").selectOption("user_features_1h");
  await expect(page.getByLabel("Feature 1 name")).not.toHaveValue("");
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByText("already taken")).toBeVisible();
  await expect(page.locator('input[name="name"]')).toHaveAttribute("aria-invalid", "true");
});

test("a YAML dry run reports a missing column and a wrong dtype as errors, with their lines", async ({ page }) => {
  await page.goto("/groups/import");
  const yaml = mismatchedYaml("yaml_mismatch_e2e", "e2e");
  await page.getByLabel("Paste YAML (one or many documents separated by ---)").fill(yaml);
  const yamlImport = page.getByRole("region", { name: "Import YAML" });
  await yamlImport.getByRole("button", { name: "Dry run" }).click();
  const errors = page.getByRole("list", { name: "Errors" });
  await expect(errors.getByRole("listitem")).toHaveCount(2);
  await expect(errors).toContainText("pasted.yaml:7:12 features.0.dtype: column total_orders is bigint: declare int64");
  await expect(errors).toContainText("pasted.yaml:8:11 features.1.name: order_value_features has no column not_a_column");
  await expect(yamlImport.getByRole("button", { name: "Apply" })).toBeDisabled();
});

/** Fills a field once the form has hydrated (a fill before it can be merged with the server-rendered value). */
async function fillHydrated(field: Locator, value: string) {
  await expect(async () => {
    await field.fill(value);
    await expect(field).toHaveValue(value, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
}

test.describe("a conflicting save", () => {
  let restore: () => Promise<void>;
  test.beforeAll(async ({ browser }) => {
    restore = await keepGroup(browser, "category_daily_stats");
  });
  test.afterAll(async () => restore());

  test("is recovered by re-applying one's edits on top of the other save, shown as a plan", async ({ page, browser }) => {
    await page.goto("/groups/category_daily_stats/edit");
    await fillHydrated(page.getByLabel("Tags"), "recsys, mine");

    // Meanwhile someone else saves another field.
    const other = await browser.newContext({ storageState: test.info().project.use.storageState as string });
    const theirs = await other.newPage();
    await theirs.goto("/groups/category_daily_stats/edit");
    await fillHydrated(theirs.getByLabel("Description", { exact: true }), "Their description, saved first.");
    await theirs.getByRole("button", { name: "Review changes" }).click();
    await theirs.getByRole("region", { name: "Review the plan" }).getByRole("button", { name: "Confirm and save" }).click();
    await expect(theirs).toHaveURL(/saved=/);
    await other.close();

    await page.getByRole("button", { name: "Review changes" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Conflict: not saved" });
    await expect(alert).toBeFocused();
    await alert.getByRole("button", { name: "Keep my edits on top of their version" }).click();
    await expect(page.getByRole("status").filter({ hasText: "with your edits re-applied on top" })).toBeVisible();
    await expect(page.getByLabel("Tags")).toHaveValue("recsys, mine");
    await expect(page.getByLabel("Description", { exact: true })).toHaveValue("Their description, saved first.");

    await page.getByRole("button", { name: "Review changes" }).click();
    const plan = page.getByRole("region", { name: "Review the plan" });
    await expect(plan.locator("tbody tr")).toHaveCount(1); // only the tags: their description is the base now
    await expect(plan).toContainText("tags");
    await plan.getByRole("button", { name: "Confirm and save" }).click();
    await expect(page).toHaveURL(/saved=/);
    await expect(page.getByText("Their description, saved first.")).toBeVisible();
  });
});

test("delete asks first, is confirmed on the list, and a link to the deleted group gives a way back", async ({ page }) => {
  // A planned group: its MV does not exist yet, so the live schema check is waived.
  const created = await page.request.post("/api/groups", {
    data: {
      name: "delete_me_e2e",
      owner: "e2e@example.com",
      status: "planned",
      freshness_sla_seconds: 60,
      materialized_view: "delete_me_mv",
      features: [{ name: "x", dtype: "int64" }],
    },
  });
  expect(created.status()).toBe(201);
  await page.goto("/groups/delete_me_e2e");
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete group" }).click();
  await expect(page).toHaveURL(/\/groups\?deleted=delete_me_e2e$/);
  await expect(page.getByRole("status").filter({ hasText: "Deleted delete_me_e2e." })).toBeVisible();
  await page.goto("/groups/delete_me_e2e");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Browse feature groups" })).toBeVisible();
});
