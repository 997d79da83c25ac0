import { FRESHNESS_STATUSES, STATUS_LABEL } from "@/lib/observability/classify";
import { LINEAGE_KINDS } from "@/lib/lineage/graph";
import { KIND_STYLES, STATUS_RING } from "./node-style";

export function LineageLegend() {
  return (
    <div className="flex flex-wrap gap-x-6 gap-y-2 text-xs text-slate-600 dark:text-slate-400" aria-label="Legend">
      <ul className="flex flex-wrap gap-2">
        {LINEAGE_KINDS.map((kind) => (
          <li key={kind} className={`rounded border-2 px-2 py-0.5 ${KIND_STYLES[kind].className}`}>
            {KIND_STYLES[kind].label}
          </li>
        ))}
      </ul>
      <ul className="flex flex-wrap gap-3">
        {FRESHNESS_STATUSES.map((status) => (
          <li key={status} className="flex items-center gap-1">
            <span className={`inline-block h-3 w-3 rounded-sm bg-white ${STATUS_RING[status]}`} /> {STATUS_LABEL[status]}
          </li>
        ))}
        <li>Statuses come from the collector&apos;s last cycle.</li>
      </ul>
    </div>
  );
}
