import { describe, expect, it } from "vitest";
import { FeatureGroupSchema } from "../schemas/feature-group";
import { switchedDefinition } from "./switch";

const definition = FeatureGroupSchema.parse({
  name: "g",
  owner: "a@x",
  freshness_sla_seconds: 30,
  materialized_view: "g",
  versions: ["g_v2", "g_old"],
  features: [{ name: "f", dtype: "int64" }],
});

describe("switchedDefinition", () => {
  it("serves the new MV, keeps the old one as a version, and undoes exactly", () => {
    const switched = switchedDefinition(definition, "g_v2");
    expect(switched).toMatchObject({ materialized_view: "g_v2", versions: ["g", "g_old"] });
    expect(FeatureGroupSchema.parse(switched)).toEqual(switched);
    expect(switchedDefinition(switched, "g")).toMatchObject({ materialized_view: "g", versions: ["g_v2", "g_old"] });
  });

  it("accepts a switch to a version the registry did not list (found by name in the catalog)", () => {
    expect(switchedDefinition({ ...definition, versions: undefined }, "g_v3")).toMatchObject({
      materialized_view: "g_v3",
      versions: ["g"],
    });
  });
});

describe("the versions field", () => {
  it("refuses the serving MV and duplicates", () => {
    const parsed = FeatureGroupSchema.safeParse({ ...definition, versions: ["g", "g_v2", "g_v2"] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["versions.0", "the serving materialized_view is not another version"],
      ["versions.2", "duplicate version g_v2"],
    ]);
  });
});
