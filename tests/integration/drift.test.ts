// Drift against the emulator: the archive's snapshot (training), the MV (live) and the Redis sink's
// values (served), one RisingWave statement per group, stored and served by the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import type { GroupDrift } from "@/lib/drift/measure";
import { startEmulatorForApp } from "../support/emulator";
import { registerDemoGroups } from "../support/registry";

let emulator: Emulator;
let clock = Date.now();
// Imported once the emulator's Redis and archive are the app's.
let groupDriftRoute: typeof import("@/app/api/groups/[name]/drift/route");
let driftRoute: typeof import("@/app/api/drift/route");
let runDriftCycle: typeof import("@/lib/drift/cycle").runDriftCycle;

beforeAll(async () => {
  ({ emulator } = await startEmulatorForApp());
  groupDriftRoute = await import("@/app/api/groups/[name]/drift/route");
  driftRoute = await import("@/app/api/drift/route");
  ({ runDriftCycle } = await import("@/lib/drift/cycle"));
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
    const cycle = await runDriftCycle((clock += 60_000));
    const user = cycle.results.find((result) => result.group === "user_features_1h");
    const purchases = features(user).get("purchase_count_1h");
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

  it("answers 404 for an unknown group", async () => {
    const response = await groupDriftRoute.GET(new Request("http://test/api/groups/nope/drift"), {
      params: Promise.resolve({ name: "nope" }),
    });
    expect(response.status).toBe(404);
  });
});
