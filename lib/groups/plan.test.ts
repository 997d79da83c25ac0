import { describe, expect, it } from "vitest";
import { FeatureGroupSchema } from "../schemas/feature-group";
import { planChange } from "./plan";

const group = FeatureGroupSchema.parse({
  name: "g",
  owner: "a@x",
  freshness_sla_seconds: 60,
  materialized_view: "m",
  tags: ["t"],
  features: [
    { name: "a", dtype: "int64" },
    { name: "b", dtype: "string", description: "old" },
    { name: "c", dtype: "bool" },
  ],
});

describe("planChange", () => {
  it("plans a creation", () => {
    const plan = planChange(null, group);
    expect(plan.kind).toBe("create");
    expect(plan.features.added).toEqual(["a", "b", "c"]);
  });
  it("finds nothing to do for an identical definition", () => {
    expect(planChange(group, structuredClone(group)).kind).toBe("unchanged");
  });
  it("lists changed fields and added, removed and changed features", () => {
    const next = {
      ...group,
      owner: "b@x",
      tags: ["t", "u"],
      features: [
        { name: "a", dtype: "float64" as const, description: "" },
        { name: "b", dtype: "string" as const, description: "new" },
        { name: "d", dtype: "date" as const, description: "" },
      ],
    };
    const plan = planChange(group, next);
    expect(plan.kind).toBe("update");
    expect(plan.fields).toEqual([
      { field: "owner", before: "a@x", after: "b@x" },
      { field: "tags", before: ["t"], after: ["t", "u"] },
    ]);
    expect(plan.features).toEqual({
      added: ["d"],
      removed: ["c"],
      reordered: false,
      changed: [
        { name: "a", changes: [{ field: "dtype", before: "int64", after: "float64" }] },
        { name: "b", changes: [{ field: "description", before: "old", after: "new" }] },
      ],
    });
  });
  it("notices a reorder", () => {
    const plan = planChange(group, { ...group, features: [...group.features].reverse() });
    expect(plan).toMatchObject({ kind: "update", features: { reordered: true } });
  });
});
