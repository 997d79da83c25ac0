import Link from "next/link";
import { cardClass } from "@/components/ui/surface";
import type { DriftStatus } from "@/lib/drift/assess";
import { formatDateTime } from "@/lib/format";
import type { DriftSummary } from "@/lib/registry/drift-runs";
import { DriftStatusBadge } from "./drift-status";

const ORDER: DriftStatus[] = ["breach", "warning", "ok", "unknown"];

/** The overview's drift panel: groups per level at their latest measurement, the drifting ones named. */
export function DriftCounts({ runs }: { runs: DriftSummary[] }) {
  const drifting = runs.filter((run) => run.status === "breach" || run.status === "warning");
  const newest = runs.reduce<string | null>((latest, run) => (!latest || run.measuredAt > latest ? run.measuredAt : latest), null);
  return (
    <section aria-labelledby="drift-heading" className={cardClass()}>
      <h2 id="drift-heading" className="text-base font-semibold">
        Feature drift
      </h2>
      {runs.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Not measured yet: the collector measures drift on its own, slower cadence.
        </p>
      ) : (
        <>
          <ul className="mt-2 flex flex-wrap gap-3 text-sm" aria-label="Groups per drift level">
            {ORDER.map((status) => (
              <li key={status}>
                <DriftStatusBadge status={status} /> {runs.filter((run) => run.status === status).length}
              </li>
            ))}
          </ul>
          {drifting.length > 0 ? (
            <ul className="mt-2 space-y-1 text-sm">
              {drifting.slice(0, 8).map((run) => (
                <li key={run.group}>
                  <Link href={`/groups/${run.group}/drift`} className="font-medium text-tide-700 hover:underline dark:text-tide-400">
                    {run.group}
                  </Link>{" "}
                  <DriftStatusBadge status={run.status} />{" "}
                  <span className="text-slate-600 dark:text-slate-400">
                    {run.drifting.map((feature) => feature.name).join(", ") || `parity ${Math.round((run.mismatchRate ?? 0) * 100)} %`}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {newest ? <p className="mt-2 text-xs text-slate-500">Latest measurement {formatDateTime(newest)}</p> : null}
        </>
      )}
    </section>
  );
}
