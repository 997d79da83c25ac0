import Link from "next/link";
import type { FreshnessBoard } from "@/lib/observability/board";
import type { ReactNode } from "react";
import type { IncidentJson } from "@/lib/schemas/responses";
import { FreshnessBar } from "./freshness-bar";
import { IncidentTable } from "./incident-table";
import { StatusPill } from "./status-pill";
import { cardClass } from "@/components/ui/surface";

const TILES = [
  { key: "total", label: "Feature groups", tone: "" },
  { key: "breach", label: "Breaching SLA", tone: "text-red-700 dark:text-red-400" },
  { key: "degraded", label: "Serving stale (Redis sink failing)", tone: "text-orange-700 dark:text-orange-400" },
  { key: "warning", label: "Warning (≥ 80% of SLA)", tone: "text-amber-700 dark:text-amber-400" },
  { key: "unknown", label: "Unknown", tone: "text-slate-600 dark:text-slate-400" },
] as const;

/** A card with a heading and, beside it, when its data was taken. */
function Panel({ id, title, takenAt, children }: { id: string; title: string; takenAt: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={`min-w-0 ${cardClass()}`}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {takenAt}
      </div>
      {children}
    </section>
  );
}

/** Counts, the five stalest groups relative to their SLA, and recent incidents, each panel with when it was taken. */
export function OverviewSummary({
  board,
  incidents,
  now,
  boardTakenAt,
  incidentsTakenAt,
}: {
  board: FreshnessBoard;
  incidents: IncidentJson[];
  now: number;
  boardTakenAt: ReactNode;
  incidentsTakenAt: ReactNode;
}) {
  const worst = board.groups.slice(0, 5);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-label="Freshness counts">
          {TILES.map((tile) => (
            <li key={tile.key} className={cardClass()}>
              <Link href={tile.key === "total" ? "/freshness" : `/freshness?status=${tile.key}`} className="block">
                <span className={`block text-3xl font-semibold tabular-nums ${tile.tone}`}>{board.counts[tile.key]}</span>
                <span className="text-sm text-slate-600 dark:text-slate-400">{tile.label}</span>
              </Link>
            </li>
          ))}
        </ul>
        {boardTakenAt}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel id="worst-heading" title="Stalest groups" takenAt={boardTakenAt}>
          {worst.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No feature groups registered yet.</p>
          ) : (
            <ul className="space-y-3">
              {worst.map((group) => (
                <li key={group.name} className="flex flex-wrap items-start gap-x-3 gap-y-1">
                  <StatusPill status={group.status} />
                  <Link
                    href={`/groups/${group.name}/freshness`}
                    className="max-w-full truncate font-medium sm:w-48 text-tide-700 hover:underline dark:text-tide-400"
                  >
                    {group.name}
                  </Link>
                  <FreshnessBar freshnessSeconds={group.freshnessSeconds} slaSeconds={group.slaSeconds} status={group.status} />
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel id="incidents-heading" title="Recent incidents" takenAt={incidentsTakenAt}>
          <div className="overflow-x-auto">
            <IncidentTable incidents={incidents} showGroup now={now} />
          </div>
        </Panel>
      </div>
    </div>
  );
}
