import type { LineageGraph } from "./graph";

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 60;
const COLUMN_GAP = 70;
const ROW_GAP = 16;
/** A layer taller than this wraps into several sub-columns, so 1,000 MVs fed by one source stay on screen. */
export const MAX_NODES_PER_COLUMN = 40;
const SWEEPS = 4;

export type Position = { x: number; y: number };

/**
 * Layered left-to-right layout (Sugiyama-style, kept simple so 2,000 nodes lay out in milliseconds
 * on the main thread): longest-path layers, then nodes pulled right next to their consumers,
 * barycenter sweeps to reduce crossings, and tall layers wrapped into sub-columns.
 */
export function layoutLineage(graph: LineageGraph): Map<string, Position> {
  const ids = graph.nodes.map((node) => node.id);
  const children = new Map<string, string[]>(ids.map((id) => [id, []]));
  const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of graph.edges) {
    if (!children.has(edge.from) || !children.has(edge.to)) continue;
    children.get(edge.from)?.push(edge.to);
    parents.get(edge.to)?.push(edge.from);
  }

  // Longest path from the roots (Kahn's order; nodes on a cycle keep the layer they reached).
  const rank = new Map<string, number>(ids.map((id) => [id, 0]));
  const indegree = new Map(ids.map((id) => [id, parents.get(id)?.length ?? 0]));
  const order = ids.filter((id) => indegree.get(id) === 0);
  for (let index = 0; index < order.length; index++) {
    const id = order[index] as string;
    for (const child of children.get(id) ?? []) {
      rank.set(child, Math.max(rank.get(child) ?? 0, (rank.get(id) ?? 0) + 1));
      indegree.set(child, (indegree.get(child) ?? 0) - 1);
      if (indegree.get(child) === 0) order.push(child);
    }
  }
  // Pull each producer right next to its nearest consumer (a table joined by an MV sits beside the stream).
  for (let index = order.length - 1; index >= 0; index--) {
    const id = order[index] as string;
    const consumers = (children.get(id) ?? []).map((child) => rank.get(child) ?? 0);
    if (consumers.length > 0) rank.set(id, Math.max(rank.get(id) ?? 0, Math.min(...consumers) - 1));
  }

  const layers: string[][] = [];
  for (const id of [...ids].sort()) (layers[rank.get(id) ?? 0] ??= []).push(id);
  const place = new Map<string, number>();
  const renumber = (layer: string[]) => layer.forEach((id, index) => place.set(id, layer.length > 1 ? index / (layer.length - 1) : 0.5));
  layers.forEach((layer) => renumber(layer ?? []));
  const barycenter = (id: string, neighbours: Map<string, string[]>) => {
    const around = neighbours.get(id) ?? [];
    return around.length === 0 ? (place.get(id) ?? 0) : around.reduce((sum, other) => sum + (place.get(other) ?? 0), 0) / around.length;
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const downward = sweep % 2 === 0;
    const sequence = downward ? layers.keys() : [...layers.keys()].reverse();
    for (const layerIndex of sequence) {
      const layer = layers[layerIndex];
      if (!layer) continue;
      const keys = new Map(layer.map((id) => [id, barycenter(id, downward ? parents : children)]));
      layer.sort((a, b) => (keys.get(a) ?? 0) - (keys.get(b) ?? 0));
      renumber(layer);
    }
  }

  const positions = new Map<string, Position>();
  let x = 0;
  for (const layer of layers) {
    if (!layer) continue;
    const columns = Math.ceil(layer.length / MAX_NODES_PER_COLUMN);
    const perColumn = Math.ceil(layer.length / columns);
    layer.forEach((id, index) => {
      const column = Math.floor(index / perColumn);
      const row = index % perColumn;
      const rowsInColumn = Math.min(perColumn, layer.length - column * perColumn);
      positions.set(id, { x: x + column * (NODE_WIDTH + COLUMN_GAP / 2), y: (row - (rowsInColumn - 1) / 2) * (NODE_HEIGHT + ROW_GAP) });
    });
    x += columns * (NODE_WIDTH + COLUMN_GAP / 2) + COLUMN_GAP;
  }
  return positions;
}
