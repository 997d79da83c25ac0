import { formatDuration } from "@/lib/format";
import type { FreshnessStatus } from "@/lib/observability/classify";
import { BAR_TONES } from "./status-pill";

/** Freshness against the SLA: the bar spans 0 to 1.5 × SLA, the tick marks the SLA itself. */
export function FreshnessBar({
  freshnessSeconds,
  slaSeconds,
  status,
}: {
  freshnessSeconds: number | null;
  slaSeconds: number;
  status: FreshnessStatus;
}) {
  const ratio = freshnessSeconds === null ? 0 : freshnessSeconds / slaSeconds;
  return (
    <div className="min-w-40">
      <div
        className="relative h-2.5 rounded bg-slate-200 dark:bg-slate-700"
        role="img"
        aria-label={freshnessSeconds === null ? "freshness unknown" : `${Math.round(ratio * 100)}% of SLA`}
      >
        <div className={`h-full rounded ${BAR_TONES[status]}`} style={{ width: `${Math.min(ratio / 1.5, 1) * 100}%` }} />
        <div className="absolute inset-y-[-3px] w-0.5 bg-slate-700 dark:bg-slate-200" style={{ left: `${100 / 1.5}%` }} />
      </div>
      <p className="mt-1 text-xs tabular-nums text-slate-600 dark:text-slate-400">
        {freshnessSeconds === null ? "–" : formatDuration(freshnessSeconds)} / SLA {formatDuration(slaSeconds)}
      </p>
    </div>
  );
}
