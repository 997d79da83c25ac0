"use client";

import { buttonClass } from "@/components/ui/button-link";
import { Field, inputClass } from "@/components/form/field";
import "@xyflow/react/dist/style.css";
import { useQuery } from "@tanstack/react-query";
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Edge } from "@xyflow/react";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState, useSyncExternalStore, type FormEvent } from "react";
import type { LineageGraph, LineageNode } from "@/lib/lineage/graph";
import { NODE_HEIGHT, NODE_WIDTH, layoutLineage } from "@/lib/lineage/layout";
import { findNode, focusSubgraph } from "@/lib/lineage/traverse";
import { fetchJson } from "@/lib/fetch-json";
import { queryKeys } from "@/lib/query-keys";
import { LineageGraphSchema } from "@/lib/schemas/responses";
import { LineageLegend } from "./lineage-legend";
import { LineageNodeView, type LineageFlowNode } from "./lineage-node";
import { NodePanel } from "./node-panel";
import { KIND_STYLES, STATUS_FILL } from "./node-style";
import { errorTextClass } from "@/components/ui/surface";

/** A value inside a double-quoted CSS attribute selector (CSS.escape does not exist during server rendering). */
const cssString = (value: string) => value.replace(/["\\\n]/g, (char) => (char === "\n" ? "\\a " : `\\${char}`));

/** Past this many nodes, only what is on screen is rendered (the 1,000-group graph stays smooth). */
const VIRTUALIZE_ABOVE = 300;
const INITIAL_NODES_OF_LARGE_GRAPH = 30;
const nodeTypes = { lineage: LineageNodeView };
const noSubscription = () => () => {};

const fetchGraph = (): Promise<LineageGraph> => fetchJson("/api/lineage", LineageGraphSchema);

export function LineageExplorer({ initial }: { initial: LineageGraph }) {
  return (
    <ReactFlowProvider>
      <Explorer initial={initial} />
    </ReactFlowProvider>
  );
}

/** The graph with search, focus mode and a side panel; focus and selection live in the URL. */
function Explorer({ initial }: { initial: LineageGraph }) {
  const { data, error } = useQuery({
    queryKey: queryKeys.lineage(),
    queryFn: fetchGraph,
    initialData: initial,
    // Statuses change once per collector cycle; a big graph is polled less often.
    refetchInterval: initial.nodes.length > VIRTUALIZE_ABOVE ? 15_000 : 5_000,
  });
  const graph = data ?? initial;
  const pathname = usePathname();
  const params = useSearchParams();
  const flow = useReactFlow();
  const focusNode = params.get("focus") ? findNode(graph, params.get("focus") as string) : undefined;
  const selected = params.get("node") ? findNode(graph, params.get("node") as string) : undefined;
  // The canvas is drawn in the browser only: the server cannot know the viewport, so it would render
  // (and the browser hydrate) every one of a large graph's nodes.
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [query, setQuery] = useState("");
  const [searchError, setSearchError] = useState<string | null>(null);

  const setParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // Shallow: the browser's history API keeps useSearchParams in sync without a server round trip.
    window.history.replaceState(null, "", `${pathname}${next.size > 0 ? `?${next}` : ""}`);
  };

  const shown = useMemo(() => (focusNode ? focusSubgraph(graph, focusNode.id) : graph), [graph, focusNode]);
  // Lay out again only when the structure changes; status updates keep every node in place.
  const structureKey = `${shown.nodes.map((node) => node.id).join("|")}#${shown.edges.map((edge) => `${edge.from}>${edge.to}`).join("|")}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the structure on purpose
  const positions = useMemo(() => layoutLineage(shown), [structureKey]);
  // Flow nodes are reused while their graph node is unchanged (react-query keeps unchanged objects
  // identical across refetches), so a status poll re-renders only the nodes whose status moved.
  const [cache] = useState(() => new WeakMap<LineageNode, LineageFlowNode>());
  const nodes = useMemo<LineageFlowNode[]>(() => {
    return shown.nodes.map((node) => {
      const position = positions.get(node.id) ?? { x: 0, y: 0 };
      const cached = cache.get(node);
      if (cached && cached.position === position) return cached;
      const created: LineageFlowNode = { id: node.id, type: "lineage", position, width: NODE_WIDTH, height: NODE_HEIGHT, data: { node } };
      cache.set(node, created);
      return created;
    });
  }, [shown, positions, cache]);
  const edges = useMemo<Edge[]>(
    () =>
      shown.edges.map((edge) => ({
        id: `${edge.from}->${edge.to}`,
        source: edge.from,
        target: edge.to,
        animated: false,
        // dbt's edges (a source's relation, a model's depends_on) are dashed: declared, not read from rw_depend.
        style: edge.dbt ? { strokeWidth: 1.5, strokeDasharray: "4 3" } : { strokeWidth: 1.5 },
      })),
    [shown],
  );
  const large = shown.nodes.length > VIRTUALIZE_ABOVE;
  useEffect(() => {
    // A new focus (or leaving it) frames the new subgraph. A large graph opens on its leftmost
    // nodes (the sources): framing all of it would mount every node at once and stall the tab.
    const start = large
      ? [...positions.entries()]
          .sort(([, a], [, b]) => a.x - b.x || Math.abs(a.y) - Math.abs(b.y))
          .slice(0, INITIAL_NODES_OF_LARGE_GRAPH)
          .map(([id]) => ({ id }))
      : undefined;
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.15, duration: 200, ...(start ? { nodes: start } : {}) }));
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new structure reframes
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

  const counts = {
    nodes: shown.nodes.length,
    breach: shown.nodes.filter((node) => node.status === "breach").length,
    failingSinks: shown.nodes.filter((node) => node.failure).length,
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <form onSubmit={search} className="flex items-end gap-2" role="search">
          <Field label="Find a node" compact>
            <input
              list="lineage-node-names"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder="user_events"
              className={`${inputClass(true)} w-64 max-w-full`}
            />
          </Field>
          <datalist id="lineage-node-names">
            {/* Suggestions and the minimap render every node: left out of large graphs, where they cost ~100 ms at first paint. */}
            {(large ? [] : graph.nodes).map((node) => (
              <option key={node.id} value={node.id} />
            ))}
          </datalist>
          <button type="submit" className={buttonClass("primary")}>
            Go
          </button>
        </form>
        {focusNode ? (
          <p className="text-sm">
            Focused on <span className="font-mono">{focusNode.name}</span>{" "}
            <button type="button" className="text-tide-700 underline dark:text-tide-400" onClick={() => setParams({ focus: null })}>
              show all
            </button>
          </p>
        ) : null}
        <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
          {counts.nodes} nodes · {counts.breach === 0 ? "no group breaching" : `${counts.breach} breaching`}
          {counts.failingSinks > 0 ? ` · ${counts.failingSinks} sink${counts.failingSinks === 1 ? "" : "s"} failing` : ""}
          {error ? <span className={errorTextClass}> · refresh failed: {error.message}</span> : null}
        </p>
      </div>
      {large ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Large graph: it opens on its sources. Zoom out to see more, or find a node by name and focus on it.
        </p>
      ) : null}
      {searchError ? (
        <p role="alert" className={`text-sm ${errorTextClass}`}>
          {searchError}
        </p>
      ) : null}
      <div className="grid gap-3 lg:grid-cols-[1fr_22rem]">
        <div
          className="h-[70vh] min-h-96 min-w-0 overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"
          aria-label="Lineage graph"
        >
          {/* The selection is drawn by CSS, so selecting does not rebuild every flow node. */}
          {selected ? (
            <style>{`.react-flow__node[data-id="${cssString(selected.id)}"] > div { outline: 3px solid var(--color-tide-600); outline-offset: 3px; }`}</style>
          ) : null}
          {inBrowser ? (
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              onNodeClick={(_, node) => setParams({ node: node.id })}
              onPaneClick={() => selected && setParams({ node: null })}
              // Keyboard: Tab moves between nodes (not edges), Enter or Space opens a node's panel.
              onKeyDown={(event) => {
                const id = (event.target as HTMLElement).closest(".react-flow__node")?.getAttribute("data-id");
                if (id && (event.key === "Enter" || event.key === " ")) {
                  event.preventDefault();
                  setParams({ node: id });
                }
              }}
              edgesFocusable={false}
              nodesDraggable={false}
              nodesConnectable={false}
              onlyRenderVisibleElements={large}
              minZoom={0.02}
              maxZoom={2}
              fitView={!large}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={24} />
              <Controls showInteractive={false} />
              {large ? null : (
                <MiniMap
                  pannable
                  zoomable
                  nodeColor={(node) => {
                    const data = (node as LineageFlowNode).data.node;
                    return data.status ? STATUS_FILL[data.status] : KIND_STYLES[data.kind].minimap;
                  }}
                />
              )}
            </ReactFlow>
          ) : (
            <p className="p-4 text-sm text-slate-500">Drawing {shown.nodes.length} nodes…</p>
          )}
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
