import Link from "next/link";
import type { Impact } from "@/lib/lineage/traverse";
import { StatusPill } from "@/components/freshness/status-pill";

/** "What breaks if this stalls": downstream groups and sinks with the people to call. */
export function ImpactList({ impact }: { impact: Impact }) {
  if (impact.groups.length === 0 && impact.sinks.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing registered depends on this node.</p>;
  }
  return (
    <div className="space-y-3 text-sm">
      <div>
        <h4 className="text-xs font-semibold uppercase text-slate-500">Feature groups ({impact.groups.length})</h4>
        <ul aria-label="Impacted feature groups" className="mt-1 max-h-64 space-y-1 overflow-y-auto">
          {impact.groups.map((node) => (
            <li key={node.id} className="flex items-center justify-between gap-2">
              <span className="min-w-0">
                <Link
                  className="font-mono text-tide-700 underline-offset-2 hover:underline dark:text-tide-400"
                  href={`/groups/${node.group?.name}`}
                >
                  {node.group?.name}
                </Link>
                <span className="block truncate text-xs text-slate-500">
                  {node.group?.owner}
                  {node.group?.team ? ` · ${node.group.team}` : ""}
                </span>
              </span>
              {node.status ? <StatusPill status={node.status} /> : null}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h4 className="text-xs font-semibold uppercase text-slate-500">Sinks ({impact.sinks.length})</h4>
        <ul aria-label="Impacted sinks" className="mt-1 max-h-64 space-y-1 overflow-y-auto">
          {impact.sinks.map((sink) => (
            <li key={sink.node.id}>
              <span className="font-mono">{sink.node.name}</span>
              <span className="block truncate text-xs text-slate-500">
                {sink.owners.length > 0 ? sink.owners.join(", ") : "no registered owner"}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
