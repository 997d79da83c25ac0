"use client";

import "@xyflow/react/dist/style.css";
import { useQuery } from "@tanstack/react-query";
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Edge } from "@xyflow/react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import type { LineageGraph } from "@/lib/lineage/graph";
import { NODE_HEIGHT, NODE_WIDTH, layoutLineage } from "@/lib/lineage/layout";
import { findNode, focusSubgraph } from "@/lib/lineage/traverse";
import { queryKeys } from "@/lib/query-keys";
import { LineageLegend } from "./lineage-legend";
import { LineageNodeView, type LineageFlowNode } from "./lineage-node";
import { NodePanel } from "./node-panel";
import { KIND_STYLES, STATUS_FILL } from "./node-style";

const REFRESH_MS = 5_000;
/** Past this many nodes, only what is on screen is rendered (the 1,000-group graph stays smooth). */
const VIRTUALIZE_ABOVE = 300;
const nodeTypes = { lineage: LineageNodeView };

async function fetchGraph(): Promise<LineageGraph> {
  const response = await fetch("/api/lineage", { cache: "no-store" });
  if (!response.ok) throw new Error(`the lineage API answered ${response.status}`);
  return response.json();
}

export function LineageExplorer({ initial }: { initial: LineageGraph }) {
  return (
    <ReactFlowProvider>
      <Explorer initial={initial} />
    </ReactFlowProvider>
  );
}

/** The graph with search, focus mode and a side panel; focus and selection live in the URL. */
function Explorer({ initial }: { initial: LineageGraph }) {
  const { data, error } = useQuery({ queryKey: queryKeys.lineage(), queryFn: fetchGraph, initialData: initial, refetchInterval: REFRESH_MS });
  const graph = data ?? initial;
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const flow = useReactFlow();
  const focusNode = params.get("focus") ? findNode(graph, params.get("focus") as string) : undefined;
  const selected = params.get("node") ? findNode(graph, params.get("node") as string) : undefined;
  const [query, setQuery] = useState("");
  const [searchError, setSearchError] = useState<string | null>(null);

  const setParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    router.replace(`${pathname}${next.size > 0 ? `?${next}` : ""}`, { scroll: false });
  };

  const shown = useMemo(() => (focusNode ? focusSubgraph(graph, focusNode.id) : graph), [graph, focusNode]);
  // Lay out again only when the structure changes; status updates keep every node in place.
  const structureKey = `${shown.nodes.map((node) => node.id).join("|")}#${shown.edges.map((edge) => `${edge.from}>${edge.to}`).join("|")}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the structure on purpose
  const positions = useMemo(() => layoutLineage(shown), [structureKey]);
  const nodes = useMemo<LineageFlowNode[]>(
    () => shown.nodes.map((node) => ({ id: node.id, type: "lineage", position: positions.get(node.id) ?? { x: 0, y: 0 }, width: NODE_WIDTH, height: NODE_HEIGHT, data: { node }, selected: node.id === selected?.id })),
    [shown, positions, selected?.id],
  );
  const edges = useMemo<Edge[]>(
    () => shown.edges.map((edge) => ({ id: `${edge.from}->${edge.to}`, source: edge.from, target: edge.to, animated: false, style: { strokeWidth: 1.5 } })),
    [shown],
  );
  useEffect(() => {
    // A new focus (or leaving it) frames the new subgraph.
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.15, duration: 200 }));
    return () => cancelAnimationFrame(frame);
  }, [structureKey, flow]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    const term = query.trim();
    const node = findNode(graph, term) ?? graph.nodes.find((candidate) => candidate.name.toLowerCase().includes(term.toLowerCase()));
    if (!term || !node) {
      setSearchError(term ? `No node matches “${term}”.` : "Type a name to search.");
      return;
    }
    setSearchError(null);
    const inView = shown.nodes.some((candidate) => candidate.id === node.id);
    setParams({ node: node.id, ...(inView ? {} : { focus: null }) });
    requestAnimationFrame(() => void flow.fitView({ nodes: [{ id: node.id }], duration: 300, maxZoom: 1.2 }));
  };

  const counts = { nodes: shown.nodes.length, breach: shown.nodes.filter((node) => node.status === "breach").length };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <form onSubmit={search} className="flex items-end gap-2" role="search">
          <label className="flex flex-col text-xs text-slate-600 dark:text-slate-400">
            Find a node
            <input
              list="lineage-node-names"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder="user_events"
              className="w-64 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <datalist id="lineage-node-names">
            {graph.nodes.slice(0, 2_000).map((node) => (
              <option key={node.id} value={node.id} />
            ))}
          </datalist>
          <button type="submit" className="rounded-md bg-tide-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-tide-700">Go</button>
        </form>
        {focusNode ? (
          <p className="text-sm">
            Focused on <span className="font-mono">{focusNode.name}</span>{" "}
            <button type="button" className="text-tide-700 underline dark:text-tide-400" onClick={() => setParams({ focus: null })}>show all</button>
          </p>
        ) : null}
        <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
          {counts.nodes} nodes · {counts.breach === 0 ? "no group breaching" : `${counts.breach} breaching`}
          {error ? <span className="text-red-700 dark:text-red-400"> · refresh failed: {error.message}</span> : null}
        </p>
      </div>
      {searchError ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{searchError}</p> : null}
      <div className="grid gap-3 lg:grid-cols-[1fr_22rem]">
        <div className="h-[70vh] min-h-96 min-w-0 overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950" aria-label="Lineage graph">
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodeClick={(_, node) => setParams({ node: node.id })}
            onPaneClick={() => selected && setParams({ node: null })}
            nodesDraggable={false}
            nodesConnectable={false}
            onlyRenderVisibleElements={shown.nodes.length > VIRTUALIZE_ABOVE}
            minZoom={0.02}
            maxZoom={2}
            fitView
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={24} />
            <Controls showInteractive={false} />
            <MiniMap pannable zoomable nodeColor={(node) => { const data = (node as LineageFlowNode).data.node; return data.status ? STATUS_FILL[data.status] : KIND_STYLES[data.kind].minimap; }} />
          </ReactFlow>
        </div>
        {selected ? (
          <NodePanel
            node={selected}
            graph={graph}
            focused={focusNode?.id === selected.id}
            onFocus={() => setParams({ focus: focusNode?.id === selected.id ? null : selected.id })}
            onClose={() => setParams({ node: null })}
          />
        ) : (
          <aside className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
            Click a node, or find it by name, to see its definition, its status and what breaks if it stalls.
          </aside>
        )}
      </div>
      <LineageLegend />
    </div>
  );
}
