import { formatDuration } from "@/lib/format";
import type { GroupFreshness } from "@/lib/observability/assess";

/** Where the delay sits: source lag → epoch (processing) → event time → sinks. */
export function LagBreakdown({ group }: { group: GroupFreshness }) {
  const parts = [
    ...group.sources.map(
      (source) => `${source.name}: ${source.lagMessages === null ? "lag unknown" : `lag ${source.lagMessages.toLocaleString()} msg`}`,
    ),
    group.processingFreshnessSeconds === null ? null : `epoch ${formatDuration(group.processingFreshnessSeconds)}`,
    group.eventFreshnessSeconds === null ? null : `event time ${formatDuration(group.eventFreshnessSeconds)}`,
  ].filter(Boolean);
  return (
    <div className="text-xs text-slate-600 dark:text-slate-400">
      <p>{parts.join(" → ") || "–"}</p>
      {group.sinks.length > 0 ? (
        <p className="mt-0.5">
          {group.sinks.map((sink) => (
            <span
              key={sink.name}
              className={`mr-2 ${sink.state === "failing" ? "font-semibold text-red-700 dark:text-red-400" : ""}`}
              title={sink.lastError ?? undefined}
            >
              {sink.name} ({sink.connector.toLowerCase()}
              {sink.decoupled ? ", decoupled" : ""}): {sink.state}
            </span>
          ))}
        </p>
      ) : null}
      {group.backfill ? <p className="mt-0.5 text-amber-700 dark:text-amber-400">backfill: {group.backfill.text}</p> : null}
      {group.reason ? <p className="mt-0.5">{group.reason}</p> : null}
    </div>
  );
}
