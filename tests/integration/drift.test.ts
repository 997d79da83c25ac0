// Drift against the emulator: the archive's snapshot (training), the MV (live) and the Redis sink's
// values (served), one RisingWave statement per group, stored and served by the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import type { GroupDrift } from "@/lib/drift/measure";
import { startEmulatorForApp } from "../support/emulator";
import { registerDemoGroups } from "../support/registry";

let emulator: Emulator;
let clock = Date.now();
const WEBHOOK = "http://127.0.0.1:9/drift-webhook";
// Imported once the emulator's Redis and archive are the app's.
let groupDriftRoute: typeof import("@/app/api/groups/[name]/drift/route");
let driftRoute: typeof import("@/app/api/drift/route");
let runDriftCycle: typeof import("@/lib/drift/cycle").runDriftCycle;
let getPrisma: typeof import("@/lib/db").getPrisma;

beforeAll(async () => {
  ({ emulator } = await startEmulatorForApp());
  groupDriftRoute = await import("@/app/api/groups/[name]/drift/route");
  driftRoute = await import("@/app/api/drift/route");
  ({ runDriftCycle } = await import("@/lib/drift/cycle"));
  ({ getPrisma } = await import("@/lib/db"));
  await registerDemoGroups({ user_features_1h: 600, order_value_features: 600, user_item_affinity: 600 });
  for (let tick = 0; tick < 3; tick++) await emulator.tick((clock += 1_000));
});
afterAll(async () => {
  await emulator.stop();
});

const features = (result: GroupDrift | undefined) => new Map((result?.features ?? []).map((feature) => [feature.name, feature]));
const groupDrift = async (name: string) =>
  (await (
    await groupDriftRoute.GET(new Request(`http://test/api/groups/${name}/drift`), { params: Promise.resolve({ name }) })
  ).json()) as {
    latest: GroupDrift | null;
    history: { status: string }[];
  };

describe("a drift cycle", () => {
  it("reads the three sides of every group in one RisingWave statement per group; live and served agree in a healthy pipeline", async () => {
    const cycle = await runDriftCycle(clock);
    expect(cycle.groups).toBe(3);
    expect(cycle.risingwaveStatements).toBeLessThanOrEqual(3 + 3);
    const user = cycle.results.find((result) => result.group === "user_features_1h");
    expect(user?.training?.partition).toMatch(/date=\d{4}-\d{2}-\d{2}/);
    expect(user?.training?.rows).toBeGreaterThan(0);
    expect(user?.live).toMatchObject({ aggregated: true });
    expect(user?.parity.sampled).toBeGreaterThan(0);
    expect(user?.parity.mismatchRate).toBe(0);
    const purchases = features(user).get("purchase_count_1h");
    expect(purchases?.kind).toBe("numeric");
    expect(purchases?.summaries.live?.count).toBeGreaterThan(0);
    // The sink writes what the MV holds: live and served agree.
    expect(purchases?.pairs.live_served.status).toBe("ok");
    expect(cycle.trainingRows).toBeGreaterThan(0);
  });

  it("breaches a feature whose live values moved away from training, and names the Redis keys that stopped following", async () => {
    await emulator.pool.query("UPDATE user_features_1h SET purchase_count_1h = purchase_count_1h * 5 + 40");
    const cycle = await runDriftCycle((clock += 60_000), { webhookUrl: WEBHOOK });
    const user = cycle.results.find((result) => result.group === "user_features_1h");
    const purchases = features(user).get("purchase_count_1h");
    expect(cycle.opened).toBeGreaterThanOrEqual(1);
    expect(purchases?.pairs.training_live.status).toBe("breach");
    expect(purchases?.pairs.training_live.distance).toBeGreaterThan(0.25);
    expect(purchases?.pairs.training_live.meanShift).toBeGreaterThan(1);
    expect(purchases?.status).toBe("breach");
    // Redis still holds the old values: the sample's RisingWave and Redis values disagree.
    expect(user?.parity.mismatchRate).toBeGreaterThan(0.5);
    expect(user?.parity.byFeature.purchase_count_1h).toBeGreaterThan(0);
    expect(user?.parity.examples[0]).toMatchObject({ feature: "purchase_count_1h" });
    expect(user?.status).toBe("breach");
    // Another feature of the group did not move.
    expect(features(user).get("event_count_1h")?.pairs.training_live.status).toBe("ok");

    const view = await groupDrift("user_features_1h");
    expect(view.latest?.status).toBe("breach");
    expect(view.history).toHaveLength(2);
    expect(view.history[1]?.status).toBe("breach");
    const overview = await (await driftRoute.GET(new Request("http://test/api/drift"))).json();
    expect(overview.groups.find((row: { group: string }) => row.group === "user_features_1h").drifting).toContainEqual({
      name: "purchase_count_1h",
      status: "breach",
    });
  });

  it("opened one drift incident naming the feature and measure, queued its message, and closes it when the values are back", async () => {
    const prisma = getPrisma();
    const open = await prisma.incident.findMany({ where: { groupName: "user_features_1h", closedAt: null, kind: "drift" } });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ kind: "drift", slaSeconds: 0 });
    // Its largest breaching pair: training↔live, or live↔served (Redis still holds the old values); both breach.
    expect(open[0]?.cause).toMatch(/^purchase_count_1h: PSI \d+\.\d\d \((training↔live|live↔served)\)/);
    expect(open[0]?.cause).toContain("Redis differs from RisingWave for");
    const opened = await prisma.webhookDelivery.findMany({ where: { incidentId: open[0]?.id } });
    expect(opened.map((delivery) => [delivery.event, delivery.url])).toEqual([["opened", WEBHOOK]]);
    expect(opened[0]?.payload).toMatchObject({
      tideline: {
        kind: "drift",
        findings: expect.arrayContaining([expect.objectContaining({ feature: "purchase_count_1h", measure: "psi" })]),
      },
    });

    // Still drifting: no second incident, no second message.
    expect((await runDriftCycle((clock += 60_000), { webhookUrl: WEBHOOK })).opened).toBe(0);
    // A group's freshness and drift incidents are apart: one of each may be open, never two drift incidents.
    const probe = { groupName: "drift_index_probe", owner: "x", openedAt: new Date(), slaSeconds: 0, peakFreshnessSeconds: 0 };
    await prisma.incident.create({ data: { ...probe, kind: "drift" } });
    await prisma.incident.create({ data: { ...probe, kind: "breach" } });
    await expect(prisma.incident.create({ data: { ...probe, kind: "drift" } })).rejects.toThrow(/Unique constraint/);
    await prisma.incident.deleteMany({ where: { groupName: probe.groupName } });

    await emulator.pool.query("UPDATE user_features_1h SET purchase_count_1h = (purchase_count_1h - 40) / 5");
    const cycle = await runDriftCycle((clock += 60_000), { webhookUrl: WEBHOOK });
    expect(cycle.results.find((result) => result.group === "user_features_1h")?.status).not.toBe("breach");
    expect(cycle.closed).toBe(1);
    expect(await prisma.incident.findUnique({ where: { id: open[0]?.id ?? "" } })).toMatchObject({ closedAt: expect.any(Date) });
    const messages = await prisma.webhookDelivery.findMany({ where: { incidentId: open[0]?.id }, orderBy: { createdAt: "asc" } });
    expect(messages.map((delivery) => delivery.event)).toEqual(["opened", "closed"]);
  });

  it("answers 404 for an unknown group", async () => {
    const response = await groupDriftRoute.GET(new Request("http://test/api/groups/nope/drift"), {
      params: Promise.resolve({ name: "nope" }),
    });
    expect(response.status).toBe(404);
  });
});
