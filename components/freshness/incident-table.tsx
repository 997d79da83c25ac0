import Link from "next/link";
import { TableHead } from "@/components/ui/table-head";
import { formatDateTime, formatDuration } from "@/lib/format";
import { DRIFT_KIND, INCIDENT_KIND_LABELS } from "@/lib/incident-kinds";
import type { IncidentRow } from "@/lib/registry/incidents";
import type { IncidentJson } from "@/lib/schemas/responses";
import { errorTextClass } from "@/components/ui/surface";

export function IncidentTable({
  incidents,
  showGroup = false,
  now,
}: {
  incidents: (IncidentRow | IncidentJson)[];
  showGroup?: boolean;
  now: number;
}) {
  if (incidents.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No incidents recorded.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label="Incidents">
      <TableHead
        columns={[
          ...(showGroup ? ["Group"] : []),
          "What",
          "Started",
          "Ended",
          { label: "Duration", align: "right" },
          { label: "Peak", align: "right" },
          { label: "SLA", align: "right" },
        ]}
      />
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {incidents.map((incident) => (
          <tr key={incident.id}>
            {showGroup ? (
              <td className="px-2 py-1.5">
                <Link
                  href={`/groups/${incident.groupName}/${incident.kind === DRIFT_KIND ? "drift" : "freshness"}`}
                  className="text-tide-700 hover:underline dark:text-tide-400"
                >
                  {incident.groupName}
                </Link>
              </td>
            ) : null}
            <td className="px-2 py-1.5 text-xs" data-incident-kind={incident.kind}>
              <span className="font-semibold">{INCIDENT_KIND_LABELS[incident.kind] ?? incident.kind}</span>
              {incident.cause ? <span className="block text-slate-600 dark:text-slate-400">{incident.cause}</span> : null}
            </td>
            <td className="px-2 py-1.5 text-xs">{formatDateTime(incident.openedAt)}</td>
            <td className="px-2 py-1.5 text-xs">
              {incident.closedAt ? formatDateTime(incident.closedAt) : <span className={`font-semibold ${errorTextClass}`}>ongoing</span>}
            </td>
            <td className="px-2 py-1.5 text-right tabular-nums">
              {formatDuration(
                ((incident.closedAt ? new Date(incident.closedAt).getTime() : now) - new Date(incident.openedAt).getTime()) / 1000,
              )}
            </td>
            {/* A drift incident has no freshness peak or SLA. */}
            <td className="px-2 py-1.5 text-right tabular-nums">
              {incident.kind === DRIFT_KIND ? "–" : formatDuration(incident.peakFreshnessSeconds)}
            </td>
            <td className="px-2 py-1.5 text-right tabular-nums">
              {incident.kind === DRIFT_KIND ? "–" : formatDuration(incident.slaSeconds)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
