import { describe, expect, it } from "vitest";
import type { CatalogRelation, LineageCatalog } from "../risingwave/lineage";
import { buildLineageGraph } from "./graph";
import { findNode, focusSubgraph, impactOf } from "./traverse";

const plain = (value: string) => ({ type: "plaintext", value });
const relation = (id: number, name: string, kind: CatalogRelation["kind"], extra: Partial<CatalogRelation> = {}): CatalogRelation => ({
  id,
  name,
  kind,
  schema: "public",
  connector: null,
  connectorProps: null,
  associatedTableId: null,
  targetTableName: null,
  mvStatus: null,
  ...extra,
});

// The demo pipeline plus the contract's tricky cases: an index between a table and an MV, a
// connector table with its hidden source, and a sink into a table.
const catalog: LineageCatalog = {
  relations: [
    relation(1, "user_events", "source", {
      connector: "KAFKA",
      connectorProps: { connector: plain("kafka"), topic: plain("user_events") },
    }),
    relation(2, "item_catalog", "table"),
    relation(3, "item_catalog_idx", "index"),
    relation(4, "user_features_1h", "materialized view", { mvStatus: "Created" }),
    relation(5, "user_item_affinity", "materialized view", { mvStatus: "Created" }),
    relation(6, "user_features_to_redis", "sink", {
      connector: "REDIS",
      connectorProps: { "redis.url": plain("redis://default:hunter2@cache:6379/0") },
    }),
    relation(7, "user_features_daily_snapshot", "sink", {
      connector: "S3",
      connectorProps: { "s3.bucket_name": plain("features"), "s3.path": plain("/sinks/uf") },
    }),
    relation(8, "orders", "table"),
    relation(9, "orders", "source", {
      connector: "POSTGRES-CDC",
      associatedTableId: 8,
      connectorProps: { hostname: plain("db"), "database.name": plain("shop"), "table.name": plain("orders"), password: plain("x") },
    }),
    relation(10, "affinity_to_orders", "sink", { targetTableName: "orders" }),
    relation(11, "scratch", "materialized view", { schema: "analytics" }),
  ],
  depends: [
    { downstream: 4, upstream: 1 },
    { downstream: 3, upstream: 2 },
    { downstream: 5, upstream: 1 },
    { downstream: 5, upstream: 3 },
    { downstream: 6, upstream: 4 },
    { downstream: 7, upstream: 4 },
    { downstream: 10, upstream: 5 },
    { downstream: 8, upstream: 10 },
    { downstream: 11, upstream: 8 },
    { downstream: 4, upstream: 999 }, // a function or secret: not a relation, dropped
  ],
};
const groups = [
  { name: "user_features_1h", owner: "ml@example.com", team: "ml", slaSeconds: 300, materializedView: "user_features_1h" },
  { name: "affinity", owner: "recsys@example.com", team: null, slaSeconds: 600, materializedView: "user_item_affinity" },
  { name: "scratch_features", owner: "bi@example.com", team: null, slaSeconds: 600, materializedView: "scratch" },
];
const graph = buildLineageGraph(catalog, groups, new Map([["user_features_1h", "breach" as const]]));
const edgeSet = new Set(graph.edges.map((edge) => `${edge.from} -> ${edge.to}`));

describe("buildLineageGraph", () => {
  it("draws source → MV → sinks → external systems, with credentials masked", () => {
    for (const edge of [
      "kafka:user_events -> user_events",
      "user_events -> user_features_1h",
      "user_features_1h -> user_features_to_redis",
      "user_features_1h -> user_features_daily_snapshot",
      "user_features_to_redis -> redis:redis://default:••••@cache:6379/0",
      "user_features_daily_snapshot -> s3:s3://features/sinks/uf",
    ])
      expect(edgeSet).toContain(edge);
    expect(JSON.stringify(graph)).not.toContain("hunter2");
  });

  it("folds an index into its table and a connector table's hidden source into the table", () => {
    expect(graph.nodes.map((node) => node.name)).not.toContain("item_catalog_idx");
    expect(edgeSet).toContain("item_catalog -> user_item_affinity");
    expect(graph.nodes.filter((node) => node.name === "orders")).toHaveLength(1);
    expect(edgeSet).toContain("postgres:db/shop.orders -> orders");
    expect(edgeSet).toContain("affinity_to_orders -> orders");
    expect([...edgeSet].some((edge) => edge.includes("999"))).toBe(false);
  });

  it("labels registered groups with owner and status, and qualifies names outside public", () => {
    const mv = findNode(graph, "user_features_1h");
    expect(mv).toMatchObject({ kind: "materialized_view", status: "breach", group: { name: "user_features_1h", owner: "ml@example.com" } });
    expect(findNode(graph, "user_item_affinity")?.group?.name).toBe("affinity");
    expect(findNode(graph, "user_item_affinity")?.status).toBeUndefined();
    expect(findNode(graph, "analytics.scratch")?.name).toBe("scratch");
  });

  it("marks a failing sink as serving stale, with since when and why", () => {
    const sinkId = findNode(graph, "user_features_to_redis")?.relationId as number;
    const failure = { since: "2026-11-24T09:58:00.000Z", error: "connection refused" };
    const withFailure = buildLineageGraph(catalog, groups, new Map(), new Map([[sinkId, failure]]));
    expect(findNode(withFailure, "user_features_to_redis")).toMatchObject({ kind: "sink", status: "degraded", failure });
    expect(findNode(withFailure, "user_features_daily_snapshot")?.status).toBeUndefined();
    expect(findNode(graph, "user_features_to_redis")?.failure).toBeUndefined();
  });
});

describe("focus and impact", () => {
  it("keeps only the focused node's upstream and downstream", () => {
    const focused = focusSubgraph(graph, "user_features_1h");
    expect(focused.nodes.map((node) => node.id).sort()).toEqual([
      "kafka:user_events",
      "redis:redis://default:••••@cache:6379/0",
      "s3:s3://features/sinks/uf",
      "user_events",
      "user_features_1h",
      "user_features_daily_snapshot",
      "user_features_to_redis",
    ]);
    expect(focused.edges.every((edge) => focused.nodes.some((node) => node.id === edge.from))).toBe(true);
  });

  it("lists the groups and sinks that break when a source stalls, with owners", () => {
    const impact = impactOf(graph, "user_events");
    expect(impact.groups.map((node) => node.group?.name)).toEqual(["affinity", "scratch_features", "user_features_1h"]);
    expect(impact.sinks.map((sink) => [sink.node.name, sink.owners])).toEqual([
      ["affinity_to_orders", ["recsys@example.com"]],
      ["user_features_daily_snapshot", ["ml@example.com"]],
      ["user_features_to_redis", ["ml@example.com"]],
    ]);
    expect(impactOf(graph, "user_features_to_redis")).toEqual({ groups: [], sinks: [] });
  });
});
