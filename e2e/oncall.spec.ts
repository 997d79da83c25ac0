import { expect, test, type Page } from "@playwright/test";
import { emulator, keepGroup, openFreshnessIncidents, setSla } from "./support/pipeline";

// The on-call journey during the two faults an ML platform meets most: a lagging Kafka consumer and a
// failing Redis sink. Screenshots, desktop and phone, land in test-results/ for the issue note.
const PHONE = { width: 375, height: 812 };
const row = (page: Page, group: string) => page.locator(`tr[data-group="${group}"]`);
const banner = (page: Page) => page.getByTestId("freshness-banner");

let restore: () => Promise<void>;
test.beforeAll(async ({ browser }) => {
  restore = await keepGroup(browser, "user_features_1h"); // the lag test lowers its SLA
});
test.afterAll(async () => {
  emulator("resume", "all");
  await restore();
});

async function shoot(page: Page, path: string, name: string) {
  await page.goto(path);
  await page.screenshot({ path: test.info().outputPath(`${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: test.info().outputPath(`${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("lag on user_events: the Kafka consumer is named as the cause and highlighted; order_value_features is not delayed", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await setSla(page.request, "user_features_1h", 20);
  await page.goto("/freshness");
  await expect(row(page, "user_features_1h")).toHaveAttribute("data-status", /ok|warning/);

  emulator("lag", "user_events", "50000");
  await expect(row(page, "user_features_1h")).toHaveAttribute("data-status", "breach", { timeout: 45_000 });
  const cause = row(page, "user_features_1h").locator("[data-cause]");
  await expect(cause).toHaveCount(1);
  await expect(cause).toContainText("user_events");
  await expect(row(page, "user_features_1h")).toContainText(/the Kafka consumer of user_events is [\d,]+ messages behind/);
  await expect(banner(page)).toContainText(/user_features_1h: the Kafka consumer of user_events is [\d,]+ messages behind/);
  // It reads orders_cdc only: a Kafka consumer's lag must not age it.
  await expect(row(page, "order_value_features")).toHaveAttribute("data-status", "ok");
  await shoot(page, "/freshness", "oncall-lag-freshness");
  await shoot(page, "/", "oncall-lag-overview");
  emulator("resume", "user_events");
  // The consumer catches up and the breach's incident closes, so the next test starts clean.
  await page.goto("/freshness");
  await expect(row(page, "user_features_1h")).toHaveAttribute("data-status", /ok|warning/, { timeout: 45_000 });
  await expect.poll(async () => (await openFreshnessIncidents(page.request)).length, { timeout: 15_000 }).toBe(0);
});

test("a failing Redis sink: the overview turns 'serving stale' by itself, names the sink, opens an incident; lineage colours the sink", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/");
  const tile = page.getByRole("list", { name: "Freshness counts" }).getByRole("listitem").filter({ hasText: "Serving stale" });
  await expect(tile).toContainText("0");
  const takenAt = await page.getByTestId("taken-at").first().textContent();

  emulator("fail-sink", "user_features_to_redis", "Redis error: connection refused");
  // No reload: the overview polls like /freshness.
  await expect(banner(page)).toContainText("serving stale values", { timeout: 30_000 });
  await expect(banner(page)).toContainText("the Redis sink user_features_to_redis has failed since");
  await expect(tile).toContainText("1");
  await expect(page.getByTestId("taken-at").first()).not.toHaveText(takenAt ?? "");
  const incidents = page.getByRole("table", { name: "Incidents" });
  await expect(incidents.locator('[data-incident-kind="degraded"]').first()).toContainText("user_features_to_redis", { timeout: 15_000 });
  await shoot(page, "/", "oncall-sink-overview");

  await page.goto("/freshness");
  await expect(row(page, "user_features_1h")).toHaveAttribute("data-status", "degraded");
  await expect(row(page, "user_features_1h").locator("[data-cause]")).toContainText("user_features_to_redis");
  await expect(row(page, "user_features_1h")).toContainText("Redis error: connection refused");
  // What the model reads: the newest value in Redis, from the key stats walk's sample.
  await expect(row(page, "user_features_1h")).toContainText(/newest value in Redis [\d.]+ (s|min) old/, { timeout: 30_000 });
  await shoot(page, "/freshness", "oncall-sink-freshness");

  await page.goto("/lineage?node=user_features_to_redis");
  const sink = page.locator('.react-flow__node[data-id="user_features_to_redis"] [data-status]');
  await expect(sink).toHaveAttribute("data-status", "degraded");
  const panel = page.getByRole("complementary", { name: "Details of user_features_to_redis" });
  await expect(panel).toContainText("Serving stale values of user_features_1h");
  await page.screenshot({ path: test.info().outputPath("oncall-sink-lineage-desktop.png"), fullPage: true });
});
