import Link from "next/link";
import { TableHead } from "@/components/ui/table-head";
import { formatDuration } from "@/lib/format";
import type { GroupSearchItem } from "@/lib/registry/search";
import { DriftStatusBadge } from "@/components/drift/drift-status";
import type { DriftStatus } from "@/lib/drift/assess";
import { StatusBadge } from "./status-badge";
import { cardClass } from "@/components/ui/surface";
import { TagLinks } from "./tag-links";

/** `drift`: each group's latest drift status (absent: never measured). */
export function GroupTable({ items, drift }: { items: GroupSearchItem[]; drift: Map<string, DriftStatus> }) {
  return (
    <div className={cardClass(false)}>
      <table className="w-full min-w-[800px] text-left text-sm">
        <TableHead
          className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400"
          cellClassName="px-4 py-2"
          columns={[
            "Feature group",
            "Owner",
            "Entity",
            { label: "Features", align: "right" },
            { label: "SLA", align: "right" },
            "Status",
            "Drift",
          ]}
        />
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {items.map((item) => (
            <tr key={item.name} className="align-top hover:bg-slate-50 dark:hover:bg-slate-800/50">
              <td className="px-4 py-3">
                <Link href={`/groups/${item.name}`} className="font-medium text-tide-700 hover:underline dark:text-tide-400">
                  {item.name}
                </Link>
                {item.description ? (
                  <p className="mt-0.5 line-clamp-2 max-w-xl text-xs text-slate-600 dark:text-slate-400">{item.description}</p>
                ) : null}
                {item.matchedFeatures.length > 0 ? (
                  <ul className="mt-1 flex flex-wrap gap-1" aria-label={`Matching features in ${item.name}`}>
                    {item.matchedFeatures.map((feature) => (
                      <li
                        key={feature.name}
                        className="rounded bg-tide-50 px-1.5 py-0.5 font-mono text-xs text-tide-700 dark:bg-tide-900 dark:text-tide-100"
                      >
                        {feature.name} <span className="text-slate-500">{feature.dtype}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                <TagLinks tags={item.tags} className="mt-1 text-xs text-slate-500" />
              </td>
              <td className="px-4 py-3 text-slate-700 dark:text-slate-300">
                {item.owner}
                {item.team ? <span className="block text-xs text-slate-500">{item.team}</span> : null}
              </td>
              <td className="px-4 py-3 text-slate-700 dark:text-slate-300">{item.entity ?? "–"}</td>
              <td className="px-4 py-3 text-right tabular-nums">{item.featureCount}</td>
              <td className="px-4 py-3 text-right tabular-nums">{formatDuration(item.freshnessSlaSeconds)}</td>
              <td className="px-4 py-3">
                <StatusBadge status={item.status} />
              </td>
              <td className="px-4 py-3">
                {drift.has(item.name) ? (
                  <Link href={`/groups/${item.name}/drift`} aria-label={`${item.name} drift: ${drift.get(item.name)}`}>
                    <DriftStatusBadge status={drift.get(item.name) as DriftStatus} />
                  </Link>
                ) : (
                  <span className="text-xs text-slate-500">not measured</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
