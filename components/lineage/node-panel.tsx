"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { LineageGraph, LineageNode } from "@/lib/lineage/graph";
import type { RelationDetail } from "@/lib/lineage/load";
import { impactOf } from "@/lib/lineage/traverse";
import { fetchJson } from "@/lib/fetch-json";
import { formatDateTime } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { RelationDetailSchema } from "@/lib/schemas/responses";
import { StatusPill } from "@/components/freshness/status-pill";
import { buttonClass } from "@/components/ui/button-link";
import { ImpactList } from "./impact-list";
import { kindLabel } from "./node-style";
import { cardClass, errorTextClass } from "@/components/ui/surface";

const fetchDetail = (relationId: number): Promise<RelationDetail> =>
  fetchJson(`/api/lineage/relations/${relationId}`, RelationDetailSchema);

/** A failing sink: since when, why, and the groups whose served values go stale with it. */
function SinkFailure({ node, graph }: { node: LineageNode; graph: LineageGraph }) {
  const readers = graph.edges
    .filter((edge) => edge.to === node.id)
    .map((edge) => graph.nodes.find((candidate) => candidate.id === edge.from)?.group)
    .filter((group) => group !== undefined);
  return (
    <div
      role="alert"
      className="space-y-1 rounded-md border border-orange-300 bg-orange-50 p-3 text-sm dark:border-orange-700 dark:bg-orange-950"
    >
      <p className="font-medium">
        <StatusPill status="degraded" /> failing since {formatDateTime(node.failure?.since ?? 0)}
      </p>
      {node.failure?.error ? <p className="break-words text-xs">{node.failure.error}</p> : null}
      <p>
        {readers.length > 0 ? (
          <>
            Serving stale values of{" "}
            {readers.map((group, index) => (
              <span key={group.name}>
                {index > 0 ? ", " : ""}
                <Link className="font-mono text-tide-700 hover:underline dark:text-tide-400" href={`/groups/${group.name}/freshness`}>
                  {group.name}
                </Link>{" "}
                ({group.owner})
              </span>
            ))}
            : the models reading these keys get values that stop following the MV.
          </>
        ) : (
          "No registered group reads what this sink writes."
        )}
      </p>
    </div>
  );
}

/** The side panel: what the node is, its status and definition, and what depends on it. */
export function NodePanel({
  node,
  graph,
  focused,
  onFocus,
  onClose,
}: {
  node: LineageNode;
  graph: LineageGraph;
  focused: boolean;
  onFocus: () => void;
  onClose: () => void;
}) {
  const detail = useQuery({
    queryKey: queryKeys.lineageRelation(node.relationId ?? 0),
    queryFn: () => fetchDetail(node.relationId as number),
    enabled: node.relationId !== undefined,
  });
  const impact = impactOf(graph, node.id);
  return (
    <aside aria-label={`Details of ${node.name}`} className={`min-w-0 space-y-4 ${cardClass()}`}>
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs uppercase text-slate-500">{kindLabel(node)}</p>
          <h2 className="break-all font-mono text-base font-semibold">{node.name}</h2>
        </div>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-2 text-lg leading-none text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
          aria-label="Close details"
        >
          ×
        </button>
      </div>
      {node.group ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">Group</dt>
          <dd>
            <Link className="font-mono text-tide-700 hover:underline dark:text-tide-400" href={`/groups/${node.group.name}`}>
              {node.group.name}
            </Link>
          </dd>
          <dt className="text-slate-500">Owner</dt>
          <dd className="break-all">
            {node.group.owner}
            {node.group.team ? ` · ${node.group.team}` : ""}
          </dd>
          <dt className="text-slate-500">SLA</dt>
          <dd>{node.group.slaSeconds} s</dd>
          <dt className="text-slate-500">Status</dt>
          <dd>{node.status ? <StatusPill status={node.status} /> : "not sampled yet"}</dd>
        </dl>
      ) : null}
      {node.dbt ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" aria-label="From dbt">
          <dt className="text-slate-500">dbt</dt>
          <dd className="break-all font-mono text-xs">
            {node.dbt.docsUrl ? (
              <a className="text-tide-700 hover:underline dark:text-tide-400" href={node.dbt.docsUrl} rel="noreferrer" target="_blank">
                {node.dbt.uniqueId}
              </a>
            ) : (
              node.dbt.uniqueId
            )}
          </dd>
          <dt className="text-slate-500">Project</dt>
          <dd>{node.dbt.project}</dd>
          {node.dbt.description ? (
            <>
              <dt className="text-slate-500">About</dt>
              <dd>{node.dbt.description}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {node.failure ? <SinkFailure node={node} graph={graph} /> : null}
      {node.mvStatus === "Creating" ? (
        <p className="text-sm text-amber-700 dark:text-amber-400">Still backfilling (status Creating).</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass()} onClick={onFocus}>
          {focused ? "Show the whole graph" : "Focus on upstream and downstream"}
        </button>
      </div>
      <section aria-labelledby="impact-heading">
        <h3 id="impact-heading" className="mb-1 text-sm font-semibold">
          If this stalls
        </h3>
        <ImpactList impact={impact} />
      </section>
      {node.relationId !== undefined ? (
        <section aria-labelledby="definition-heading">
          <h3 id="definition-heading" className="mb-1 text-sm font-semibold">
            Definition
          </h3>
          {detail.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
          {detail.error ? (
            <p role="alert" className={`text-sm ${errorTextClass}`}>
              {detail.error.message}
            </p>
          ) : null}
          {detail.data ? (
            <>
              <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-900 p-2 text-xs text-slate-100">
                {detail.data.definition}
              </pre>
              {detail.data.options.length > 0 ? (
                <dl aria-label="Connector options" className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                  {detail.data.options.map(([key, value]) => (
                    <div key={key} className="contents">
                      <dt className="font-mono text-slate-500">{key}</dt>
                      <dd className="break-all font-mono">{value}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
    </aside>
  );
}
