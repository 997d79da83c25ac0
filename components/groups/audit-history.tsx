import { planChange } from "@/lib/groups/plan";
import { formatDateTime } from "@/lib/format";
import type { AuditEntry } from "@/lib/registry/groups";
import { PlanView } from "./plan-view";
import { cardClass } from "@/components/ui/surface";

export function AuditHistory({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No recorded changes.</p>;
  return (
    <ol className="space-y-3">
      {entries.map((entry) => (
        <li key={entry.id} className={cardClass()}>
          <p className="mb-2 text-sm">
            <span className="font-medium capitalize">{entry.action}</span> by {entry.actor} ·{" "}
            <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
            {entry.context ? <span className="block text-xs text-slate-600 dark:text-slate-400">From {entry.context}</span> : null}
          </p>
          {entry.after ? (
            <PlanView plan={planChange(entry.before, entry.after)} />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">The group was deleted.</p>
          )}
        </li>
      ))}
    </ol>
  );
}
