// /api/lineage against the emulator's catalog, with statuses from a real collector cycle.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as lineageRoute from "@/app/api/lineage/route";
import * as relationRoute from "@/app/api/lineage/relations/[id]/route";
import { clearFaults, setFault } from "@/emulator/faults";
import type { Emulator } from "@/emulator/emulator";
import type { LineageGraph } from "@/lib/lineage/graph";
import { runCollectorCycle } from "@/lib/observability/collector";
import { getRisingWavePool } from "@/lib/risingwave/pool";
import { startTestEmulator } from "../support/emulator";
import { recordStatements } from "../support/statements";
import { registerDemoGroups } from "../support/registry";

let emulator: Emulator;
let clock = Date.now();
const advance = async (seconds: number) => {
  for (let index = 0; index < seconds; index++) await emulator.tick((clock += 1_000));
};
const lineage = async (query = "") => lineageRoute.GET(new Request(`http://test/api/lineage${query}`));
const edgesOf = (graph: LineageGraph) => graph.edges.map((edge) => `${edge.from} -> ${edge.to}`);
const statusOf = (graph: LineageGraph, id: string) => graph.nodes.find((node) => node.id === id)?.status;

beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
  // A 5 s SLA on the user_events groups, so a stall breaches within seconds of test time.
  await registerDemoGroups({ user_features_1h: 5, user_item_affinity: 5, order_value_features: 900, high_value_customers: 900 });
  await advance(2);
});
afterAll(async () => {
  await clearFaults(emulator.pool, "all");
  await emulator.stop();
});

describe("GET /api/lineage", () => {
  it("returns the demo pipeline in three RisingWave round trips (relations, rw_depend, sink failures), credentials masked", async () => {
    const recorder = recordStatements(getRisingWavePool());
    let response: Response;
    try {
      response = await lineage();
    } finally {
      recorder.restore();
    }
    expect(response.status).toBe(200);
    expect(recorder.statements).toHaveLength(3);
    const graph: LineageGraph = await response.json();
    const edges = edgesOf(graph);
    for (const edge of [
      "kafka:user-events -> user_events",
      "user_events -> user_features_1h",
      "user_features_1h -> user_features_to_redis",
      "user_features_1h -> user_features_daily_snapshot",
      "user_events -> user_item_affinity",
      "item_catalog -> user_item_affinity",
      "orders_cdc -> order_value_features",
      "order_value_features -> order_value_features_to_redis",
      "orders_cdc -> risk.high_value_customers",
      "risk.high_value_customers -> risk.high_value_customers_to_redis",
      "postgres:rds.example.com/production.public.orders -> orders_cdc",
    ])
      expect(edges).toContain(edge);
    expect(graph.nodes.find((node) => node.id === "risk.high_value_customers")).toMatchObject({
      kind: "materialized_view",
      group: { name: "high_value_customers" },
    });
    expect(edges.some((edge) => /^user_features_to_redis -> redis:/.test(edge))).toBe(true);
    expect(graph.nodes.find((node) => node.id === "user_features_1h")).toMatchObject({
      kind: "materialized_view",
      group: { owner: "ml-platform@example.com" },
    });
    expect(JSON.stringify(graph)).not.toContain("replication_user:");
  });

  it("focuses on one node's upstream and downstream; unknown or oversized names are clean errors", async () => {
    const graph: LineageGraph = await (await lineage("?focus=user_features_1h")).json();
    const ids = graph.nodes.map((node) => node.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "kafka:user-events",
        "user_events",
        "user_features_1h",
        "user_features_to_redis",
        "user_features_daily_snapshot",
      ]),
    );
    expect(ids).not.toContain("user_item_affinity");
    expect(ids).not.toContain("orders_cdc");
    const missing = await lineage("?focus=no_such_relation");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatch(/no_such_relation not found/);
    expect((await lineage(`?focus=${"x".repeat(400)}`)).status).toBe(422);
  });

  it("shows a relation's definition with the CDC password masked", async () => {
    const graph: LineageGraph = await (await lineage()).json();
    const cdc = graph.nodes.find((node) => node.id === "orders_cdc");
    const response = await relationRoute.GET(new Request("http://test"), { params: Promise.resolve({ id: String(cdc?.relationId) }) });
    const detail = await response.json();
    expect(detail.definition).toContain("password = '••••'");
    expect(detail.definition).not.toContain("password = '...'");
    expect(detail.options).toContainEqual(["hostname", "rds.example.com"]);
    expect((await relationRoute.GET(new Request("http://test"), { params: Promise.resolve({ id: "1;DROP" }) })).status).toBe(422);
    expect((await relationRoute.GET(new Request("http://test"), { params: Promise.resolve({ id: "999999" }) })).status).toBe(404);
  });

  it("colours the groups downstream of a stalled source, and only those", async () => {
    await runCollectorCycle(new Date(clock), { webhookUrl: undefined });
    let graph: LineageGraph = await (await lineage()).json();
    expect(statusOf(graph, "user_features_1h")).toBe("ok");
    await setFault(emulator.pool, "stall", "user_events");
    await advance(15); // past the SLA (5 s) and the event-time cache (10 s)
    await runCollectorCycle(new Date(clock), { webhookUrl: undefined });
    graph = await (await lineage()).json();
    expect(statusOf(graph, "user_features_1h")).toBe("breach");
    expect(statusOf(graph, "user_item_affinity")).toBe("breach");
    expect(statusOf(graph, "order_value_features")).not.toBe("breach");
  });

  it("draws a failing Redis sink as serving stale, with since when and why", async () => {
    await setFault(emulator.pool, "fail-sink", "order_value_features_to_redis", { error: "Redis error: connection refused" });
    await advance(1);
    const graph: LineageGraph = await (await lineage()).json();
    const sink = graph.nodes.find((node) => node.id === "order_value_features_to_redis");
    expect(sink).toMatchObject({ kind: "sink", status: "degraded", failure: { error: "Redis error: connection refused" } });
    expect(graph.nodes.find((node) => node.id === "user_features_to_redis")?.failure).toBeUndefined();
    await clearFaults(emulator.pool, "order_value_features_to_redis");
  });
});
