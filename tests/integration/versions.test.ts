// The blue-green switch against the emulator's backfill: <mv>_v2 appears Creating with progress, is
// created, catches up (the emulator keeps it computing what its source computes), and serving switches
// to it and back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import { setFault } from "@/emulator/faults";
import { switchedDefinition } from "@/lib/versions/switch";
import { startEmulatorForApp } from "../support/emulator";
import { registerDemoGroups } from "../support/registry";

let emulator: Emulator;
let clock = Date.now();
const barriers = async (count: number) => {
  for (let index = 0; index < count; index++) await emulator.tick((clock += 1_000));
};
// Imported once the emulator's Redis and archive are the app's.
let views: typeof import("@/lib/versions/view");
let groups: typeof import("@/lib/registry/groups");

beforeAll(async () => {
  ({ emulator } = await startEmulatorForApp({ backfillSeconds: 3 }));
  views = await import("@/lib/versions/view");
  groups = await import("@/lib/registry/groups");
  await registerDemoGroups({ user_features_1h: 600 });
});
afterAll(async () => {
  await emulator.stop();
});

describe("versions of a group", () => {
  it("before any change: one version, and the SQL to create user_features_1h_v2 with its sink", async () => {
    const view = await views.versionsView("user_features_1h", clock);
    expect(view.versions.map((version) => [version.mv, version.serving])).toEqual([["user_features_1h", true]]);
    expect(view.to).toBe("user_features_1h_v2");
    expect(view.verdict?.checks[0]).toEqual({ id: "created", ok: false, detail: "user_features_1h_v2 does not exist yet" });
    expect(view.checklist[0]?.sql).toMatch(/^CREATE MATERIALIZED VIEW user_features_1h_v2 AS SELECT/);
    expect(view.checklist[1]?.sql).toContain("CREATE SINK user_features_to_redis_v2 FROM user_features_1h_v2");
    expect(view.checklist.map((step) => step.done)).toEqual([false, false, false, false, false, false]);
  });

  it("while v2 backfills: Creating with its progress and a time left; a switch to it is refused", async () => {
    await setFault(emulator.pool, "backfill", "user_features_1h");
    await barriers(2);
    const view = await views.versionsView("user_features_1h", clock);
    const candidate = view.versions.find((version) => version.mv === "user_features_1h_v2");
    expect(candidate).toMatchObject({ exists: true, status: "Creating", serving: false });
    expect(candidate?.progress?.kind).toBe("percent");
    expect(view.verdict?.caughtUp).toBe(false);
    expect(view.checklist[0]?.done).toBe(true);
    expect(view.impact.backfillRows).toBeGreaterThan(0);
    expect(view.impact.sinks).toEqual(["user_features_daily_snapshot", "user_features_to_redis"]);
    expect(view.impact.downstream).toEqual([]); // no MV of the demo reads user_features_1h
    await expect(views.assertSwitchable("user_features_1h", "user_features_1h_v2")).rejects.toMatchObject({ status: 409 });
  });

  it("once created it catches up, serving switches to it (the registry's MV), and back", async () => {
    await barriers(4);
    const view = await views.versionsView("user_features_1h", clock);
    expect(view.verdict?.checks.map((check) => [check.id, check.ok])).toEqual([
      ["created", true],
      ["fresh", true],
      ["rows", true],
      ["values", true],
    ]);
    expect(view.comparison?.sampled).toBeGreaterThan(0);
    await views.assertSwitchable("user_features_1h", "user_features_1h_v2");
    const stored = await groups.getGroup("user_features_1h");
    await groups.updateGroup("user_features_1h", switchedDefinition(stored!.definition, "user_features_1h_v2"), stored!.version, "test");
    expect((await groups.getGroup("user_features_1h"))?.definition).toMatchObject({
      materialized_view: "user_features_1h_v2",
      versions: ["user_features_1h"],
    });

    const switched = await views.versionsView("user_features_1h", clock);
    expect(switched.serving).toBe("user_features_1h_v2");
    expect([switched.from, switched.to]).toEqual(["user_features_1h", "user_features_1h_v2"]);
    expect(switched.checklist.map((step) => step.done)).toEqual([true, false, true, true, false, false]); // v2 has no sinks yet; v1 not dropped
    await views.assertSwitchable("user_features_1h", "user_features_1h"); // the undo
    await expect(views.assertSwitchable("user_features_1h", "order_value_features")).rejects.toMatchObject({ status: 409 });
  });
});
