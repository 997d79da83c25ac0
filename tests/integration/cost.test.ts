// Cost per group and TTL advice against the emulator: RisingWave state from rw_table_stats, archive
// bytes from the archive folder, Redis memory from a key walk.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import { startEmulatorForApp } from "../support/emulator";
import { registerDemoGroups } from "../support/registry";

let emulator: Emulator;
let archiveRoot: string;
// Imported once the emulator's Redis and archive are the app's.
let costView: typeof import("@/lib/cost/view").costView;
let groupAdviceView: typeof import("@/lib/observability/advice-view").groupAdviceView;

beforeAll(async () => {
  ({ emulator, archiveRoot } = await startEmulatorForApp());
  ({ costView } = await import("@/lib/cost/view"));
  ({ groupAdviceView } = await import("@/lib/observability/advice-view"));
  await registerDemoGroups({ user_features_1h: 600, order_value_features: 600 });
  const { refreshRedisStats } = await import("@/lib/observability/redis-collector");
  await refreshRedisStats();
});
afterAll(async () => {
  await emulator.stop();
});

async function folderBytes(folder: string): Promise<number> {
  const entries = await readdir(path.join(archiveRoot, folder), { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => stat(path.join(entry.parentPath, entry.name))));
  return sizes.reduce((sum, info) => sum + info.size, 0);
}

describe("costView", () => {
  it("prices each group's Redis memory, RisingWave state (MV and internal tables) and archive folders", async () => {
    const view = await costView();
    expect(view.unavailable).toEqual([]);
    expect(view.groups.map((group) => group.group).sort()).toEqual(["order_value_features", "user_features_1h"]);
    const user = view.groups.find((group) => group.group === "user_features_1h");
    const { rows } = await emulator.pool.query<{ bytes: string }>(
      `SELECT sum(total_key_size + total_value_size)::text AS bytes FROM rw_catalog.rw_table_stats
       WHERE id IN (SELECT id FROM rw_catalog.rw_materialized_views WHERE name = 'user_features_1h'
                    UNION SELECT i.id FROM rw_catalog.rw_internal_tables AS i JOIN rw_catalog.rw_materialized_views AS m ON m.id = i.job_id
                    WHERE m.name = 'user_features_1h')`,
    );
    expect(user?.risingwaveBytes).toBe(Number(rows[0]?.bytes));
    // Its snapshot folder and its file sink's folder (the same one here: the article's layout).
    expect(user?.archiveBytes).toBe(await folderBytes("snapshots/user_features_1h"));
    expect(user?.redisBytes).toBeGreaterThan(0);
    expect(user?.monthly).toBeCloseTo(user!.redisMonthly + user!.risingwaveMonthly + user!.archiveMonthly, 12);
    expect(view.total.monthly).toBeCloseTo(
      view.groups.reduce((sum, group) => sum + group.monthly, 0),
      12,
    );
    expect(view.groups[0]!.monthly).toBeGreaterThanOrEqual(view.groups[1]!.monthly);
  });
});

describe("groupAdviceView", () => {
  it("answers for a registered group and 404 for an unknown one", async () => {
    expect(await groupAdviceView("user_features_1h")).toMatchObject({ group: "user_features_1h", measuredAt: expect.any(String) });
    await expect(groupAdviceView("no_such_group")).rejects.toMatchObject({ status: 404 });
  });
});
