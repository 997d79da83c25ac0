import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { LineageGraph } from "../lineage/graph";
import { groupsOfManifest } from "./groups";
import { lineageOfManifest, mergeDbtLineage } from "./lineage";
import { jsonDepth, MAX_MANIFEST_BYTES, readManifest } from "./manifest";

const EXAMPLE = readFileSync("examples/dbt/target/manifest.json", "utf8");
const example = () => JSON.parse(EXAMPLE) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("reading a dbt manifest", () => {
  it("reads the example project's v12 manifest: project, time, models and sources", () => {
    const manifest = readManifest(EXAMPLE);
    expect(manifest).toMatchObject({ project: "feature_store", generatedAt: "2026-12-06T09:00:00.000000Z", dbtVersion: "1.10.15" });
    expect(manifest.models.map((model) => model.name).sort()).toEqual(["order_value_features", "user_features_1h", "user_item_affinity"]);
    expect(manifest.sources.map((source) => source.name).sort()).toEqual(["item_catalog", "orders_cdc", "user_events"]);
  });

  it("refuses other schema versions by name, non-JSON, deep nesting, oversize and missing fields, each with its status", () => {
    const v11 = example();
    v11.metadata.dbt_schema_version = "https://schemas.getdbt.com/dbt/manifest/v11.json";
    expect(() => readManifest(JSON.stringify(v11))).toThrow(/manifest schema v11 is not supported: Tideline reads v12/);
    expect(() => readManifest("{not json")).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => readManifest(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toThrow(expect.objectContaining({ status: 400 }));
    expect(jsonDepth('{"a": "[[[[", "b": [{}]}')).toBe(3);
    expect(() => readManifest(" ".repeat(MAX_MANIFEST_BYTES + 1))).toThrow(expect.objectContaining({ status: 413 }));
    const noName = example();
    delete noName.nodes["model.feature_store.user_features_1h"].schema;
    expect(() => readManifest(JSON.stringify(noName))).toThrow(
      expect.objectContaining({
        status: 422,
        issues: [expect.objectContaining({ path: "nodes.model.feature_store.user_features_1h.schema" })],
      }),
    );
    expect(() => readManifest(JSON.stringify({ metadata: {} }))).toThrow(expect.objectContaining({ status: 422 }));
  });
});

describe("feature groups of a manifest", () => {
  it("turns each MV model with a tideline block into a definition: settings, documented non-key columns as features", () => {
    const { groups, candidates, problems } = groupsOfManifest(readManifest(EXAMPLE));
    expect(problems).toEqual([]);
    expect(candidates).toEqual([]);
    const user = groups.find((group) => group.definition.name === "user_features_1h");
    expect(user).toMatchObject({ uniqueId: "model.feature_store.user_features_1h", file: "models/user_features_1h.sql" });
    expect(user?.definition).toMatchObject({
      owner: "ml-platform@example.com",
      team: "ml-platform",
      tags: ["user", "engagement"],
      entity: { name: "user", keys: ["user_id"] },
      freshness_sla_seconds: 30,
      materialized_view: "user_features_1h",
      timestamp_column: "last_event_ts",
    });
    expect(user?.definition.features.map((feature) => `${feature.name}:${feature.dtype}`)).toEqual([
      "event_count_1h:int64",
      "session_count_1h:int64",
      "purchase_count_1h:int64",
      "view_count_1h:int64",
      "last_event_ts:timestamp",
    ]);
    const orders = groups.find((group) => group.definition.name === "order_value_features");
    expect(orders?.definition.redis).toEqual({ kind: "template", key_template: "order_features:{customer_id}" });
  });

  it("lists MV models without a block as candidates, skips other materializations and reports bad models by unique_id and path", () => {
    const manifest = example();
    const user = manifest.nodes["model.feature_store.user_features_1h"];
    delete user.config.meta.tideline;
    delete user.meta.tideline;
    manifest.nodes["model.feature_store.user_item_affinity"].config.materialized = "table";
    const orders = manifest.nodes["model.feature_store.order_value_features"];
    orders.columns.total_orders.data_type = "geometry";
    orders.config.meta.tideline.freshness_sla_seconds = -1;
    const { groups, candidates, problems } = groupsOfManifest(readManifest(JSON.stringify(manifest)));
    expect(groups).toEqual([]);
    expect(candidates).toEqual([
      { uniqueId: "model.feature_store.user_features_1h", name: "user_features_1h", file: "models/user_features_1h.sql" },
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ uniqueId: "model.feature_store.order_value_features", path: "columns.total_orders.data_type" }),
        expect.objectContaining({ uniqueId: "model.feature_store.order_value_features", path: "freshness_sla_seconds" }),
      ]),
    );
  });
});

describe("dbt in the lineage graph", () => {
  const graph: LineageGraph = {
    nodes: [
      { id: "kafka:user-events", name: "user-events", kind: "external" },
      { id: "user_events", name: "user_events", kind: "source" },
      { id: "item_catalog", name: "item_catalog", kind: "table" },
      { id: "user_features_1h", name: "user_features_1h", kind: "materialized_view" },
      { id: "user_item_affinity", name: "user_item_affinity", kind: "materialized_view" },
    ],
    edges: [
      { from: "kafka:user-events", to: "user_events" },
      { from: "user_events", to: "user_features_1h" },
      { from: "user_events", to: "user_item_affinity" },
    ],
  };

  it("puts each matched dbt source upstream of its relation, marks models' relations, adds only missing depends_on edges", () => {
    const lineage = lineageOfManifest(readManifest(EXAMPLE));
    const merged = mergeDbtLineage(graph, [{ project: "feature_store", ...lineage }], "https://docs.example.com/dbt/");
    const dbtSources = merged.nodes.filter((node) => node.kind === "dbt_source").map((node) => node.name);
    expect(dbtSources.sort()).toEqual(["streams.item_catalog", "streams.user_events"]); // orders_cdc is not in this graph
    expect(merged.edges).toContainEqual({ from: "dbt:source.feature_store.streams.user_events", to: "user_events", dbt: true });
    const mv = merged.nodes.find((node) => node.id === "user_features_1h");
    expect(mv?.dbt).toEqual({
      uniqueId: "model.feature_store.user_features_1h",
      project: "feature_store",
      description: "User engagement features computed over a 1-hour rolling window.",
      docsUrl: "https://docs.example.com/dbt/#!/model/model.feature_store.user_features_1h",
    });
    // RisingWave draws user_events → the MVs itself; dbt adds nothing between relations here.
    expect(merged.edges.filter((edge) => edge.dbt && !edge.from.startsWith("dbt:"))).toEqual([]);
    expect(merged.edges).toHaveLength(graph.edges.length + 2);
  });
});
