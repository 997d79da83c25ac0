import { TableHead } from "@/components/ui/table-head";
import { cardClass } from "@/components/ui/surface";
import { formatCount, formatDateTime } from "@/lib/format";
import type { VersionsView } from "@/lib/versions/view";

/** Each version's MV: status and backfill, committed epoch, rows, sinks; the serving one marked. */
export function VersionTable({ versions }: { versions: VersionsView["versions"] }) {
  return (
    <div className={`overflow-x-auto ${cardClass(false)}`}>
      <table className="w-full text-left text-sm" aria-label="Versions">
        <TableHead
          cellClassName="px-3 py-2"
          columns={["Materialized view", "Status", "Committed", { label: "Rows", align: "right" }, "Sinks"]}
        />
        <tbody>
          {versions.map((version) => (
            <tr
              key={version.mv}
              data-version={version.mv}
              data-status={version.status ?? ""}
              className="border-t border-slate-100 dark:border-slate-800"
            >
              <th scope="row" className="px-3 py-2 text-left font-mono font-medium">
                {version.mv}
                {version.serving ? (
                  <span className="ml-2 rounded bg-tide-100 px-1.5 py-0.5 font-sans text-xs text-tide-800 dark:bg-tide-900 dark:text-tide-200">
                    serving
                  </span>
                ) : null}
              </th>
              <td className="px-3 py-2">
                {version.exists ? (version.status ?? "–") : "dropped (no longer in the catalog)"}
                {version.progress ? (
                  <span className="block text-xs text-slate-600 dark:text-slate-400">backfill {version.progress.text}</span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-xs">
                {version.committedAtMs === null ? "–" : formatDateTime(new Date(version.committedAtMs))}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{version.rows === null ? "–" : formatCount(version.rows)}</td>
              <td className="px-3 py-2 font-mono text-xs">{version.sinks.length ? version.sinks.join(", ") : "none"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
