import Link from "next/link";
import type { LineageGraph, LineageNode } from "@/lib/lineage/graph";
import { impactOf, reachable } from "@/lib/lineage/traverse";
import { ButtonLink } from "@/components/ui/button-link";
import { ImpactList } from "./impact-list";
import { KIND_STYLES, STATUS_RING, kindLabel } from "./node-style";

function Chip({ node }: { node: LineageNode }) {
  return (
    <li>
      <Link
        href={`/lineage?focus=${encodeURIComponent(node.id)}&node=${encodeURIComponent(node.id)}`}
        className={`block rounded border-2 px-2 py-1 text-xs hover:underline ${KIND_STYLES[node.kind].className} ${node.status ? STATUS_RING[node.status] : ""}`}
      >
        <span className="block text-[10px] uppercase text-slate-500">{kindLabel(node)}</span>
        <span className="block break-all font-mono">{node.name}</span>
      </Link>
    </li>
  );
}

/** Compact lineage of one group: upstream by distance, the group, downstream, and the impact list. */
export function GroupLineage({ graph, nodeId }: { graph: LineageGraph; nodeId: string }) {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const ordered = (hops: Map<string, number>, farthestFirst: boolean) =>
    [...hops.entries()]
      .sort(([a, da], [b, db]) => (farthestFirst ? db - da : da - db) || a.localeCompare(b))
      .map(([id]) => byId.get(id))
      .filter((node): node is LineageNode => !!node);
  const upstream = ordered(reachable(graph, nodeId, "up"), true);
  const downstream = ordered(reachable(graph, nodeId, "down"), false);
  const self = byId.get(nodeId);
  const column = (title: string, nodes: LineageNode[]) => (
    <section aria-label={title} className="min-w-0">
      <h3 className="mb-1 text-xs font-semibold uppercase text-slate-500">{title}</h3>
      {nodes.length === 0 ? (
        <p className="text-sm text-slate-500">None</p>
      ) : (
        <ul className="space-y-1">
          {nodes.map((node) => (
            <Chip key={node.id} node={node} />
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <div className="space-y-4">
      <div className="grid gap-4 md:grid-cols-3">
        {column("Upstream", upstream)}
        {column("This group", self ? [self] : [])}
        {column("Downstream", downstream)}
      </div>
      <section aria-labelledby="group-impact-heading">
        <h3 id="group-impact-heading" className="mb-1 text-sm font-semibold">
          If this group stalls
        </h3>
        <ImpactList impact={impactOf(graph, nodeId)} />
      </section>
      <ButtonLink href={`/lineage?focus=${encodeURIComponent(nodeId)}`}>Open in the lineage graph</ButtonLink>
    </div>
  );
}
