import { describe, expect, it } from "vitest";
import type { LineageGraph } from "./graph";
import { MAX_NODES_PER_COLUMN, NODE_HEIGHT, NODE_WIDTH, layoutLineage } from "./layout";

const graphOf = (edges: [string, string][], extra: string[] = []): LineageGraph => {
  const ids = [...new Set([...edges.flat(), ...extra])];
  return { nodes: ids.map((id) => ({ id, name: id, kind: "materialized_view" })), edges: edges.map(([from, to]) => ({ from, to })) };
};

describe("layoutLineage", () => {
  it("places every node left of what it feeds and never on top of another", () => {
    const graph = graphOf(
      [
        ["kafka", "source"],
        ["source", "mv1"],
        ["table", "mv2"],
        ["source", "mv2"],
        ["mv1", "sink"],
        ["mv2", "mv3"],
      ],
      ["lonely"],
    );
    const positions = layoutLineage(graph);
    expect(positions.size).toBe(graph.nodes.length);
    for (const edge of graph.edges) expect(positions.get(edge.from)?.x).toBeLessThan(positions.get(edge.to)?.x as number);
    // The table feeding mv2 is pulled into the column just before it.
    expect(positions.get("table")?.x).toBe(positions.get("source")?.x);
    const boxes = [...positions.values()];
    for (const [index, a] of boxes.entries()) {
      for (const b of boxes.slice(index + 1)) expect(Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT).toBe(true);
    }
  });

  it("wraps a layer of 1,000 MVs into sub-columns and survives a cycle", () => {
    const fanOut = Array.from({ length: 1_000 }, (_, index): [string, string] => ["source", `mv${index}`]);
    const positions = layoutLineage(graphOf([...fanOut, ["a", "b"], ["b", "a"]]));
    const mvColumns = new Set(fanOut.map(([, mv]) => positions.get(mv)?.x));
    expect(mvColumns.size).toBe(Math.ceil(1_000 / MAX_NODES_PER_COLUMN));
    expect(positions.has("a") && positions.has("b")).toBe(true);
  });
});
