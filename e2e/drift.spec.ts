import { expect, test, type APIRequestContext } from "@playwright/test";
import { startWebhookReceiver, type Receiver } from "../tests/support/webhook-receiver";
import { emulator } from "./support/pipeline";

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
  // Under app/groups/loading.tsx the page streams (status 200), so the not-found page is what says it.
  await page.goto("/groups/no_such_group/drift");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
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

// A feature shifts in the emulated stream: drift breaches within two cycles, one incident opens with
// one webhook message naming the feature; resume closes both.
test.describe("a shifted feature", () => {
  const RECEIVER_PORT = Number(process.env.E2E_WEBHOOK_PORT ?? 3197);
  let receiver: Receiver;
  test.beforeAll(async () => {
    receiver = await startWebhookReceiver(RECEIVER_PORT);
  });
  test.afterAll(async () => {
    emulator("resume", "user_features_1h");
    await receiver.close();
  });
  // This incident's messages: an earlier incident of the group, opened and closed while no receiver
  // listened, has its messages retried from the outbox once this one listens.
  const driftMessages = (incidentId: string) =>
    receiver.messages.filter((message) => {
      const facts = message.tideline as { kind: string; group: string; incidentId: string };
      return facts.kind === "drift" && facts.group === "user_features_1h" && facts.incidentId === incidentId;
    });
  const openDriftIncidents = async (request: APIRequestContext) =>
    (
      (await (await request.get("/api/incidents?open=1")).json()).incidents as {
        id: string;
        groupName: string;
        kind: string;
        cause: string;
      }[]
    ).filter((incident) => incident.kind === "drift" && incident.groupName === "user_features_1h");
  const latest = async (request: APIRequestContext) =>
    (await (await request.get("/api/groups/user_features_1h/drift")).json()) as {
      latest: { status: string; measuredAt: string } | null;
      history: { at: string; features: Record<string, { status: string }> }[];
    };

  test("shift → breach on the drift page within two cycles, one incident and one webhook; resume → closed", async ({ page, request }) => {
    test.setTimeout(180_000);
    // The emulated stream is stationary: the group starts under breach, with no drift incident.
    await expect.poll(async () => (await latest(request)).latest?.status ?? "none", { timeout: 60_000 }).toMatch(/^(ok|warning)$/);
    expect(await openDriftIncidents(request)).toEqual([]);

    const shiftedAt = new Date().toISOString();
    emulator("shift", "user_features_1h", "purchase_count_1h", "3");
    await expect.poll(async () => (await latest(request)).latest?.status, { timeout: 50_000, intervals: [1_000] }).toBe("breach");
    const runsSince = (await latest(request)).history.filter((point) => point.at > shiftedAt);
    const firstBreach = runsSince.findIndex((point) => point.features.purchase_count_1h?.status === "breach");
    expect(firstBreach).toBeGreaterThanOrEqual(0);
    expect(firstBreach).toBeLessThanOrEqual(1); // the first or second cycle after the shift

    await page.goto("/groups/user_features_1h/drift?feature=purchase_count_1h");
    await expect(page.locator('tr[data-feature="purchase_count_1h"]')).toHaveAttribute("data-status", "breach");
    await expect(page.getByRole("heading", { name: "purchase_count_1h: training, live and served" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("drift-shift-breach.png"), fullPage: true });

    await expect.poll(async () => (await openDriftIncidents(request)).length, { timeout: 15_000 }).toBe(1);
    const [incident] = await openDriftIncidents(request);
    expect(incident?.cause).toMatch(/^purchase_count_1h: PSI \d+\.\d\d \(training↔/);
    const messages = () => driftMessages(incident?.id ?? "");
    await expect.poll(() => messages().length, { timeout: 30_000 }).toBe(1);
    expect(messages()[0]).toMatchObject({ tideline: { event: "incident.opened" } });
    expect(String(messages()[0]?.text)).toContain("purchase_count_1h: PSI");
    await page.goto("/");
    await expect(page.getByRole("table", { name: "Incidents" }).locator('[data-incident-kind="drift"]').first()).toContainText(
      "purchase_count_1h",
    );

    emulator("resume", "user_features_1h");
    await expect.poll(async () => (await openDriftIncidents(request)).length, { timeout: 50_000, intervals: [1_000] }).toBe(0);
    await expect.poll(() => messages().length, { timeout: 30_000 }).toBe(2);
    expect(messages()[1]).toMatchObject({ tideline: { event: "incident.closed" } });
    expect((await latest(request)).latest?.status).not.toBe("breach");
  });
});
