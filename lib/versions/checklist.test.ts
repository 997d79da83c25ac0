import { describe, expect, it } from "vitest";
import { blueGreenChecklist, candidateSinkName } from "./checklist";
import { nextVersionName, versionBase } from "./names";

const serving = {
  name: "user_features_1h",
  definition: "CREATE MATERIALIZED VIEW user_features_1h AS SELECT user_id, COUNT(*) AS event_count_1h FROM user_events GROUP BY user_id",
  sinks: [
    {
      name: "user_features_to_redis",
      definition:
        "CREATE SINK user_features_to_redis FROM user_features_1h WITH (connector = 'redis', primary_key = 'user_id') FORMAT UPSERT ENCODE JSON",
    },
  ],
};
const steps = (overrides: Partial<Parameters<typeof blueGreenChecklist>[0]> = {}) =>
  blueGreenChecklist({
    serving,
    candidate: { name: "user_features_1h_v2", exists: false, sinks: [] },
    caughtUp: false,
    registryServes: "user_features_1h",
    remaining: new Set(["user_features_1h", "user_features_to_redis"]),
    ...overrides,
  });

describe("blueGreenChecklist", () => {
  it("fills the names into each step's SQL; nothing is done before v2 exists", () => {
    const checklist = steps();
    expect(checklist.map((step) => step.done)).toEqual([false, false, false, false, false, false]);
    expect(checklist[0]?.sql).toBe(
      "CREATE MATERIALIZED VIEW user_features_1h_v2 AS SELECT user_id, COUNT(*) AS event_count_1h FROM user_events GROUP BY user_id;",
    );
    expect(checklist[1]?.sql).toBe(
      "CREATE SINK user_features_to_redis_v2 FROM user_features_1h_v2 WITH (connector = 'redis', primary_key = 'user_id') FORMAT UPSERT ENCODE JSON;",
    );
    expect(checklist[4]?.sql).toBe("DROP SINK user_features_to_redis;");
    expect(checklist[5]?.sql).toBe("DROP MATERIALIZED VIEW user_features_1h;");
  });

  it("moves on as the catalog and the registry change: created, sinks, caught up, switched, dropped", () => {
    const candidate = { name: "user_features_1h_v2", exists: true, sinks: [] as string[] };
    expect(steps({ candidate }).map((step) => step.done)).toEqual([true, false, false, false, false, false]);
    const withSinks = { ...candidate, sinks: ["user_features_to_redis_v2"] };
    expect(steps({ candidate: withSinks, caughtUp: true }).map((step) => step.done)).toEqual([true, true, true, false, false, false]);
    const switched = { candidate: withSinks, registryServes: "user_features_1h_v2" };
    expect(steps(switched).map((step) => step.done)).toEqual([true, true, true, true, false, false]);
    expect(steps({ ...switched, remaining: new Set(["user_features_1h"]) }).map((step) => step.done)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(steps({ ...switched, remaining: new Set() }).every((step) => step.done)).toBe(true);
  });

  it("has no SQL to show once v1's definition is gone, and names sinks after the candidate's version", () => {
    expect(steps({ serving: { ...serving, definition: "", sinks: [] } })[0]?.sql).toBeNull();
    expect(candidateSinkName("s", "g_v3")).toBe("s_v3");
  });
});

describe("version names", () => {
  it("proposes the version after the family's newest", () => {
    expect(nextVersionName("user_features_1h", ["user_features_1h"])).toBe("user_features_1h_v2");
    expect(nextVersionName("user_features_1h_v2", ["user_features_1h_v2"])).toBe("user_features_1h_v3");
    expect(nextVersionName("g", ["g", "g_v2", "g_v10"])).toBe("g_v11");
    expect(versionBase("g_v10")).toBe("g");
  });
});
