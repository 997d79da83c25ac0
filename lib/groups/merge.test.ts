import { describe, expect, it } from "vitest";
import { mergeDefinitions } from "./merge";

const base = { name: "g", description: "old", tags: ["a"], freshness_sla_seconds: 60, features: [{ name: "x", dtype: "int64" }] };

describe("mergeDefinitions", () => {
  it("keeps each side's own changes and names the fields both changed", () => {
    const mine = { ...base, tags: ["a", "mine"], description: "my words" };
    const theirs = { ...base, freshness_sla_seconds: 30, description: "their words" };
    const { merged, conflicts } = mergeDefinitions(base, mine, theirs);
    expect(merged).toEqual({ ...base, tags: ["a", "mine"], freshness_sla_seconds: 30, description: "my words" });
    expect(conflicts).toEqual(["description"]);
  });

  it("is not a conflict when both made the same change, and drops a field the other side removed", () => {
    const withTeam = { ...base, team: "ml" };
    const { merged, conflicts } = mergeDefinitions(withTeam, { ...withTeam, description: "same" }, { ...base, description: "same" });
    expect(conflicts).toEqual([]);
    expect(merged).toEqual({ ...base, description: "same" });
  });
});
