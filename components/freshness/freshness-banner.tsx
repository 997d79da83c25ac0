import Link from "next/link";
import type { FreshnessBoard } from "@/lib/observability/board";
import { UnavailableBanner } from "@/components/health/unavailable-banner";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The one-line verdict on top of the overview and the freshness page: breaches, then groups serving
 * stale values, each with the group and the cause named; green when there is neither.
 */
export function FreshnessBanner({ board }: { board: FreshnessBoard }) {
  const { breach, degraded, warning, unknown, total } = board.counts;
  const troubled = board.groups.filter((group) => group.status === "breach" || group.status === "degraded");
  const tone =
    breach > 0
      ? "bg-red-700 text-white"
      : degraded > 0
        ? "bg-orange-700 text-white"
        : "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200";
  const headline = [
    breach > 0 ? `${plural(breach, "feature group", "feature groups")} breaching SLA` : null,
    degraded > 0 ? `${plural(degraded, "group", "groups")} serving stale values` : null,
  ].filter(Boolean);
  return (
    <div role="status" aria-live="polite" className={`rounded-md p-3 text-sm ${tone}`} data-testid="freshness-banner">
      <p className="font-medium">
        {headline.length > 0 ? headline.join(" · ") : `No SLA breach across ${total} group(s)`}
        {warning > 0 ? ` · ${warning} warning` : ""}
        {unknown > 0 ? ` · ${unknown} unknown` : ""}
      </p>
      {troubled.length > 0 ? (
        <ul className="mt-1 space-y-0.5">
          {troubled.slice(0, 3).map((group) => (
            <li key={group.name}>
              <Link href={`/groups/${group.name}/freshness`} className="font-semibold underline">
                {group.name}
              </Link>
              {group.cause ? `: ${group.cause.text}` : ""}
            </li>
          ))}
          {troubled.length > 3 ? <li>and {troubled.length - 3} more below</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

const OUTAGE_EFFECT = {
  registry: "New groups, SLA changes, incidents and history are not shown; freshness is still measured in RisingWave.",
  risingwave: "Freshness is unknown for every group.",
  redis: "Serving figures are missing.",
  archive: "Snapshot figures are missing.",
} as const;

/** A banner for each backend the board could not read, saying what that leaves out. */
export function BoardOutages({ board }: { board: FreshnessBoard }) {
  return board.unavailable.map((outage) => (
    <UnavailableBanner key={outage.backend} unavailable={outage} affects={OUTAGE_EFFECT[outage.backend]} />
  ));
}
