import { describe, expect, it } from "vitest";
import { FeatureGroupSchema } from "../schemas/feature-group";
import { groupColumns, toDefinition } from "./mapping";

describe("registry mapping", () => {
  it("round-trips a full definition through the stored shape", () => {
    const definition = FeatureGroupSchema.parse({
      name: "user_features_1h",
      description: "d",
      owner: "ml@example.com",
      team: "ml",
      tags: ["user"],
      entity: { name: "user", keys: ["user_id"] },
      freshness_sla_seconds: 300,
      materialized_view: "user_features_1h",
      timestamp_column: "last_event_ts",
      redis: { kind: "hash", key_template: "features:user:{user_id}", ttl_seconds: 7200 },
      snapshot: { path: "snapshots/user_features_1h" },
      drift: { psi: { warning: 0.2, breach: 0.4 }, features: { a: { null_rate: { warning: 0.1, breach: 0.3 } } } },
      features: [
        { name: "b", dtype: "int64", description: "second declared first" },
        { name: "a", dtype: "float64" },
      ],
    });
    const stored = {
      name: definition.name,
      ...groupColumns(definition),
      entity: { name: "user", keyColumns: ["user_id"] },
      // Stored out of order: position, not row order, decides.
      features: definition.features.map((feature, position) => ({ ...feature, position })).reverse(),
    };
    expect(toDefinition(stored)).toEqual(definition);
  });

  it("round-trips a minimal definition without inventing optional fields", () => {
    const definition = FeatureGroupSchema.parse({
      name: "g",
      owner: "o",
      freshness_sla_seconds: 5,
      materialized_view: "m",
      features: [{ name: "x", dtype: "bool" }],
    });
    const stored = {
      name: "g",
      ...groupColumns(definition),
      entity: null,
      features: [{ name: "x", dtype: "bool", description: "", position: 0 }],
    };
    expect(toDefinition(stored)).toEqual(definition);
  });
});
