import type { LineageGraph, LineageNode } from "./graph";

type Direction = "up" | "down";

function adjacency(graph: LineageGraph, direction: Direction): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const [from, to] = direction === "down" ? [edge.from, edge.to] : [edge.to, edge.from];
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  }
  return next;
}

/** Every node reachable from `id` in one direction (not `id` itself) with its hop count, breadth-first. */
export function reachable(graph: LineageGraph, id: string, direction: Direction): Map<string, number> {
  const next = adjacency(graph, direction);
  const hops = new Map<string, number>();
  const queue: [string, number][] = (next.get(id) ?? []).map((neighbour) => [neighbour, 1]);
  for (let index = 0; index < queue.length; index++) {
    const [current, distance] = queue[index] as [string, number];
    if (hops.has(current) || current === id) continue;
    hops.set(current, distance);
    for (const neighbour of next.get(current) ?? []) queue.push([neighbour, distance + 1]);
  }
  return hops;
}

/** The node a name or id points at: an exact id first, then a relation name. */
export function findNode(graph: LineageGraph, nameOrId: string): LineageNode | undefined {
  return graph.nodes.find((node) => node.id === nameOrId) ?? graph.nodes.find((node) => node.kind !== "external" && node.name === nameOrId);
}

/** `id`, everything upstream and everything downstream of it: sibling branches are left out. */
export function focusSubgraph(graph: LineageGraph, id: string): LineageGraph {
  const keep = new Set([id, ...reachable(graph, id, "up").keys(), ...reachable(graph, id, "down").keys()]);
  return {
    nodes: graph.nodes.filter((node) => keep.has(node.id)),
    edges: graph.edges.filter((edge) => keep.has(edge.from) && keep.has(edge.to)),
  };
}

export type ImpactedSink = { node: LineageNode; owners: string[]; groups: string[] };
export type Impact = { groups: LineageNode[]; sinks: ImpactedSink[] };

/**
 * What breaks if `id` stalls: the registered groups and the sinks downstream of it, each sink with
 * the owners of the groups that feed it (a sink has no owner of its own in the registry).
 */
export function impactOf(graph: LineageGraph, id: string): Impact {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const downstream = [...reachable(graph, id, "down").keys()]
    .map((nodeId) => byId.get(nodeId))
    .filter((node): node is LineageNode => !!node);
  const groups = downstream.filter((node) => node.group).sort((a, b) => (a.group?.name ?? "").localeCompare(b.group?.name ?? ""));
  const parents = adjacency(graph, "up");
  const sinks = downstream
    .filter((node) => node.kind === "sink")
    .map((node): ImpactedSink => {
      // The groups feeding a sink are usually one hop up; walk further only through non-group nodes.
      const feeding = new Set<LineageNode>();
      const queue = [...(parents.get(node.id) ?? [])];
      const seen = new Set<string>();
      while (queue.length > 0) {
        const parentId = queue.pop() as string;
        if (seen.has(parentId)) continue;
        seen.add(parentId);
        const parent = byId.get(parentId);
        if (parent?.group) feeding.add(parent);
        else queue.push(...(parents.get(parentId) ?? []));
      }
      const fedBy = [...feeding];
      return {
        node,
        groups: fedBy.map((group) => group.name).sort(),
        owners: [...new Set(fedBy.map((group) => group.group?.owner as string))].sort(),
      };
    })
    .sort((a, b) => a.node.name.localeCompare(b.node.name));
  return { groups, sinks };
}
