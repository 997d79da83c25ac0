import type { GroupRedisStats } from "@/lib/observability/redis-stats";
import { formatBytes, formatDateTime, formatCount } from "@/lib/format";
import { TableHead } from "@/components/ui/table-head";
import { formatKeyCount, formatShare, groupCoverage } from "./format";
import { TtlHistogram } from "./ttl-histogram";

const ROLE_LABEL = { "json-sink": "JSON sink keys", "template-sink": "TEMPLATE sink keys", cache: "serving cache hashes" } as const;

/** A group's Redis footprint from the collector's last walk: keys, memory, coverage, and per key shape its TTLs and types. */
export function GroupRedisStatsView({ stats, collectedAt }: { stats: GroupRedisStats; collectedAt: string }) {
  const coverage = groupCoverage(stats);
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Keys", formatKeyCount({ count: stats.keys, exact: stats.exact, margin: stats.margin }) + (stats.exact ? "" : " (estimate)")],
          ["Memory", stats.memoryBytes === null ? "–" : `${stats.exact ? "" : "≈ "}${formatBytes(stats.memoryBytes)}`],
          ["MV rows", stats.mvRows === null ? "unknown" : formatCount(stats.mvRows)],
          ["Coverage", coverage === null ? "–" : `${formatShare(coverage)} (${formatShare(1 - coverage)} missing)`],
        ].map(([label, value]) => (
          <div key={label} className="rounded border border-slate-200 p-2 dark:border-slate-800">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="font-medium tabular-nums" data-stat={label}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Key shapes">
          <TableHead
            columns={[
              "Key shape",
              "Kind",
              { label: "Keys", align: "right" },
              { label: "Memory", align: "right" },
              { label: "Coverage", align: "right" },
              "Types",
              "TTL (sampled)",
            ]}
          />
          <tbody>
            {stats.patterns.map((pattern) => (
              <tr key={pattern.glob} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="px-2 py-1 font-mono text-xs">
                  {pattern.glob}
                  {pattern.groups.length > 1 ? (
                    <span className="block text-[11px] text-amber-700 dark:text-amber-400">shared by {pattern.groups.length} groups</span>
                  ) : null}
                </td>
                <td className="px-2 py-1 text-xs">{ROLE_LABEL[pattern.role]}</td>
                <td className="px-2 py-1 text-right tabular-nums">{formatKeyCount(pattern.keys)}</td>
                <td className="px-2 py-1 text-right tabular-nums">
                  {pattern.memoryBytes === null ? "–" : formatBytes(pattern.memoryBytes)}
                </td>
                <td className="px-2 py-1 text-right tabular-nums">{formatShare(pattern.coverage)}</td>
                <td className="px-2 py-1 text-xs">
                  {Object.entries(pattern.types)
                    .map(([type, count]) => `${type} ${count}`)
                    .join(", ") || "–"}
                </td>
                <td className="w-56 px-2 py-1">
                  <TtlHistogram ttl={pattern.ttl} label={`TTL of ${pattern.glob}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">
        From the collector&apos;s last SCAN walk at {formatDateTime(collectedAt)}; memory and TTLs from a sample of up to 200 keys per
        shape.
      </p>
    </div>
  );
}
