import { expect, test } from "@playwright/test";
import { startWebhookReceiver, type Receiver } from "../tests/support/webhook-receiver";
import { emulator, keepGroup, openFreshnessIncidents, setSla } from "./support/pipeline";

// scripts/test.sh starts the app with ALERT_WEBHOOK_URL pointing here and a 2 s collector cycle.
const RECEIVER_PORT = Number(process.env.E2E_WEBHOOK_PORT ?? 3197);
let receiver: Receiver;
// Drift has incidents and messages of its own (e2e/drift.spec.ts): this spec counts the freshness ones.
const freshnessMessages = () => receiver.messages.filter((message) => (message.tideline as { kind: string }).kind !== "drift");

test.beforeAll(async () => {
  receiver = await startWebhookReceiver(RECEIVER_PORT);
});
let restoreGroup: () => Promise<void>;
test.beforeAll(async ({ browser }) => {
  restoreGroup = await keepGroup(browser, "user_features_1h"); // the stall test lowers its SLA
});
test.afterAll(async () => {
  emulator("resume", "all");
  await receiver.close();
  await restoreGroup();
});

test("stall → breach on /freshness, an incident and one webhook; resume → closed and a second webhook", async ({
  page,
  request,
}, testInfo) => {
  // Writes go through the page's signed-in (admin) session.
  test.setTimeout(120_000);
  // 20 s: above event-time jitter (the board caches event time for 10 s), low enough to breach soon after a stall.
  await setSla(page.request, "user_features_1h", 20);
  await page.goto("/freshness");
  const row = page.locator('tr[data-group="user_features_1h"]');
  await expect(row).toHaveAttribute("data-status", /ok|warning/);

  emulator("stall", "user_features_1h");
  await expect(row).toHaveAttribute("data-status", "breach", { timeout: 45_000 });
  await expect(page.getByRole("status").filter({ hasText: "breaching SLA" })).toContainText("1 feature group breaching SLA");
  await expect(row).not.toContainText(/Breaching since\s*–/);
  await page.screenshot({ path: testInfo.outputPath("freshness-breach.png"), fullPage: true });
  await expect
    .poll(async () => (await openFreshnessIncidents(request)).map((incident) => incident.groupName), { timeout: 15_000 })
    .toEqual(["user_features_1h"]);
  await expect.poll(() => freshnessMessages().length, { timeout: 15_000 }).toBe(1);
  expect((freshnessMessages()[0]?.tideline as { event: string }).event).toBe("incident.opened");

  emulator("resume", "user_features_1h");
  await expect(row).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect.poll(() => freshnessMessages().length, { timeout: 15_000 }).toBe(2);
  expect((freshnessMessages()[1]?.tideline as { event: string }).event).toBe("incident.closed");
  expect(await openFreshnessIncidents(request)).toEqual([]);

  await page.goto("/groups/user_features_1h/freshness");
  await expect(page.getByRole("table", { name: "Incidents" })).toContainText("SLA");
  await expect(page.getByRole("img", { name: /Freshness over time/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("group-freshness.png"), fullPage: true });
});

test("filters keep their state in the URL", async ({ page }) => {
  await page.goto("/freshness?owner=recsys%40example.com");
  await expect(page.locator("tr[data-group]")).toHaveCount(2);
  await expect(page.locator('tr[data-group="user_item_affinity"]')).toBeVisible();
  await expect(page.locator('tr[data-group="category_daily_stats"]')).toBeVisible();
});

test("with Prometheus unreachable, /freshness still answers and shows lag as unknown", async ({ page }) => {
  emulator("prometheus-down");
  try {
    const response = await page.goto("/freshness");
    expect(response?.status()).toBe(200);
    const row = page.locator('tr[data-group="user_features_1h"]');
    await expect(row).toContainText("user_events: lag unknown", { timeout: 30_000 });
  } finally {
    emulator("resume", "prometheus");
  }
});
