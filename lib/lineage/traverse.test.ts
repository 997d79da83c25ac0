import { describe, expect, it } from "vitest";
import type { LineageGraph, LineageNode } from "./graph";
import { findNode, focusSubgraph, impactOf, reachable } from "./traverse";

const node = (id: string, kind: LineageNode["kind"], group?: string): LineageNode => ({
  id,
  name: id.replace(/^\w+:/, ""),
  kind,
  ...(group ? { group: { name: group, owner: `${group}@example.com`, team: null, slaSeconds: 60 } } : {}),
});
// kafka → user_events → user_features_1h → {redis sink, s3 sink}; user_events → affinity; orders → order_features (a sibling branch)
const graph: LineageGraph = {
  nodes: [
    node("kafka:user-events", "external"),
    node("user_events", "source"),
    node("user_features_1h", "materialized_view", "user_features_1h"),
    node("user_features_to_redis", "sink"),
    node("user_features_daily_snapshot", "sink"),
    node("user_item_affinity", "materialized_view", "user_item_affinity"),
    node("orders_cdc", "table"),
    node("order_value_features", "materialized_view", "order_value_features"),
  ],
  edges: [
    { from: "kafka:user-events", to: "user_events" },
    { from: "user_events", to: "user_features_1h" },
    { from: "user_features_1h", to: "user_features_to_redis" },
    { from: "user_features_1h", to: "user_features_daily_snapshot" },
    { from: "user_events", to: "user_item_affinity" },
    { from: "orders_cdc", to: "order_value_features" },
  ],
};

describe("lineage traversal", () => {
  it("walks each direction breadth-first with hop counts, through cycles", () => {
    // A sink into a table upstream closes a cycle: the walk must still end.
    const cyclic = { ...graph, edges: [...graph.edges, { from: "user_features_to_redis", to: "user_events" }] };
    expect(Object.fromEntries(reachable(cyclic, "user_events", "down"))).toEqual({
      user_features_1h: 1,
      user_item_affinity: 1,
      user_features_to_redis: 2,
      user_features_daily_snapshot: 2,
    });
    expect(Object.fromEntries(reachable(cyclic, "user_features_1h", "up"))).toEqual({
      user_events: 1,
      "kafka:user-events": 2,
      user_features_to_redis: 2,
    });
  });

  it("finds a node by id or relation name, never an external system by its bare name", () => {
    expect(findNode(graph, "user_features_1h")?.kind).toBe("materialized_view");
    expect(findNode(graph, "kafka:user-events")?.kind).toBe("external");
    expect(findNode(graph, "user-events")).toBeUndefined();
  });

  it("focuses on a node's upstream and downstream, leaving sibling branches out", () => {
    const focused = focusSubgraph(graph, "user_features_1h");
    expect(focused.nodes.map((entry) => entry.id)).not.toContain("orders_cdc");
    expect(focused.nodes.map((entry) => entry.id)).not.toContain("user_item_affinity");
    expect(
      focused.edges.every(
        (edge) => focused.nodes.some((entry) => entry.id === edge.from) && focused.nodes.some((entry) => entry.id === edge.to),
      ),
    ).toBe(true);
  });

  it("names the groups and sinks that break when a node stalls, sinks with the owners that feed them", () => {
    const impact = impactOf(graph, "orders_cdc");
    expect(impact.groups.map((entry) => entry.id)).toEqual(["order_value_features"]);
    expect(impact.sinks).toEqual([]);
    const fromSource = impactOf(graph, "kafka:user-events");
    expect(fromSource.groups.map((entry) => entry.id)).toEqual(["user_features_1h", "user_item_affinity"]);
    expect(fromSource.sinks.find((sink) => sink.node.id === "user_features_to_redis")?.owners).toEqual(["user_features_1h@example.com"]);
  });
});
