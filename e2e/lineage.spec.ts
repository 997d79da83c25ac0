import { expect, test } from "@playwright/test";
import { emulator, keepGroup, setSla } from "./support/pipeline";

const node = (page: import("@playwright/test").Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const edge = (page: import("@playwright/test").Page, from: string, to: string) => page.getByTestId(`rf__edge-${from}->${to}`);

// The stall test lowers two SLAs; both come back after the file, whatever happened.
let restores: (() => Promise<void>)[] = [];
test.beforeAll(async ({ browser }) => {
  restores = [await keepGroup(browser, "user_features_1h"), await keepGroup(browser, "user_item_affinity")];
});
test.afterAll(async () => {
  emulator("resume", "all");
  for (const restore of restores) await restore();
});

test("the demo graph runs from the Kafka source through user_features_1h to its Redis and S3 sinks", async ({ page }, testInfo) => {
  await page.goto("/lineage");
  for (const id of ["user_events", "user_features_1h", "user_features_to_redis", "user_features_daily_snapshot"])
    await expect(node(page, id)).toBeVisible();
  await expect(edge(page, "user_events", "user_features_1h")).toBeAttached();
  await expect(edge(page, "user_features_1h", "user_features_to_redis")).toBeAttached();
  await expect(edge(page, "user_features_1h", "user_features_daily_snapshot")).toBeAttached();
  await expect(edge(page, "kafka:user-events", "user_events")).toBeAttached();
  await expect(node(page, "user_features_1h")).toContainText("ml-platform@example.com");
  await page.screenshot({ path: testInfo.outputPath("lineage.png"), fullPage: true });
});

test("stalling user_events colours its downstream groups; its impact list names them", async ({ page }, testInfo) => {
  const request = page.request; // the signed-in (admin) session writes the SLAs
  test.setTimeout(120_000);
  await setSla(request, "user_features_1h", 5);
  await setSla(request, "user_item_affinity", 5);
  try {
    await page.goto("/lineage");
    await node(page, "user_events").click();
    await expect(page).toHaveURL(/node=user_events/);
    const impacted = page.getByRole("list", { name: "Impacted feature groups" });
    await expect(impacted).toContainText("user_features_1h");
    await expect(impacted).toContainText("user_item_affinity");
    await expect(impacted).not.toContainText("order_value_features");
    await expect(page.getByRole("complementary", { name: "Details of user_events" })).toContainText("topic = 'user-events'");

    emulator("stall", "user_events");
    for (const id of ["user_features_1h", "user_item_affinity"])
      await expect(node(page, id).locator("[data-status]")).toHaveAttribute("data-status", "breach", { timeout: 45_000 });
    await expect(node(page, "order_value_features").locator("[data-status]")).not.toHaveAttribute("data-status", "breach");
    await page.screenshot({ path: testInfo.outputPath("lineage-stalled.png"), fullPage: true });

    // Focus mode keeps user_events' upstream and downstream and drops the CDC branch.
    await page.getByRole("button", { name: "Focus on upstream and downstream" }).click();
    await expect(page).toHaveURL(/focus=user_events/);
    await expect(node(page, "orders_cdc")).toHaveCount(0);
    await expect(node(page, "user_features_to_redis")).toBeVisible();
  } finally {
    emulator("resume", "user_events");
  }
});

test("search jumps to a node, and the group page shows its upstream and downstream", async ({ page }) => {
  await page.goto("/lineage");
  await page.getByLabel("Find a node").fill("order_value_features_to_redis");
  await page.getByRole("button", { name: "Go" }).click();
  await expect(page.getByRole("complementary", { name: "Details of order_value_features_to_redis" })).toBeVisible();
  await page.getByLabel("Find a node").fill("no_such_thing");
  await page.getByRole("button", { name: "Go" }).click();
  await expect(page.getByText("No node matches “no_such_thing”.")).toBeVisible();

  await page.goto("/groups/user_features_1h?tab=lineage");
  await expect(page.getByRole("region", { name: "Upstream" })).toContainText("user_events");
  await expect(page.getByRole("region", { name: "Downstream" })).toContainText("user_features_to_redis");
  await expect(page.getByRole("region", { name: "Downstream" })).toContainText("user_features_daily_snapshot");
});
