import { formatDateTime, formatDuration, formatCount } from "@/lib/format";
import type { GroupFreshness } from "@/lib/observability/assess";
import type { DelayStage } from "@/lib/observability/cause";

const HIGHLIGHT = "rounded bg-red-100 px-1 font-semibold text-red-900 dark:bg-red-950 dark:text-red-200";

/**
 * Where the delay sits: the cause in words, then the chain source lag → MV commits → event time →
 * sinks with the stage that holds the delay highlighted.
 */
export function LagBreakdown({ group }: { group: GroupFreshness }) {
  const cause = group.cause;
  const isCause = (stage: DelayStage, subject?: string) => cause?.stage === stage && (subject === undefined || cause.subject === subject);
  const stage = (key: string, text: string, active: boolean) => (
    <span key={key} className={active ? HIGHLIGHT : undefined} data-cause={active || undefined}>
      {text}
    </span>
  );
  const chain = [
    ...group.sources.map((source) =>
      stage(
        `source-${source.name}`,
        `${source.name}: ${source.lagMessages === null ? "lag unknown" : `${formatCount(source.lagMessages)} msg behind`}`,
        isCause("source", source.name),
      ),
    ),
    group.processingFreshnessSeconds === null
      ? null
      : stage("mv", `MV committed ${formatDuration(group.processingFreshnessSeconds)} ago`, isCause("mv") || isCause("backfill")),
    group.eventFreshnessSeconds === null
      ? null
      : stage("events", `newest event ${formatDuration(group.eventFreshnessSeconds)} old`, isCause("events")),
  ].filter((part) => part !== null);
  return (
    <div className="text-xs text-slate-600 dark:text-slate-400">
      {cause ? <p className="mb-0.5 font-medium text-slate-900 dark:text-slate-100">{cause.text}</p> : null}
      <p className="flex flex-wrap items-center gap-x-1">
        {chain.length > 0 ? chain.flatMap((part, index) => (index === 0 ? [part] : [<span key={`arrow-${index}`}>→</span>, part])) : "–"}
      </p>
      {group.sinks.length > 0 ? (
        <ul className="mt-0.5 flex flex-wrap gap-x-2">
          {group.sinks.map((sink) => (
            <li
              key={sink.name}
              className={isCause("sink", sink.name) ? HIGHLIGHT : undefined}
              data-cause={isCause("sink", sink.name) || undefined}
            >
              {sink.name} ({sink.connector.toLowerCase()}
              {sink.decoupled ? ", decoupled" : ""}):{" "}
              {sink.state === "failing" ? (
                <span className="font-semibold text-red-700 dark:text-red-400">
                  failing since {formatDateTime(sink.failingSince ?? sink.lastFailureAt ?? 0)}
                  {sink.lastError ? `: ${sink.lastError}` : ""}
                </span>
              ) : (
                sink.state
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {group.redisWrite ? (
        <p className="mt-0.5" data-redis-write-age={Math.round(group.redisWrite.newestValueAgeSeconds)}>
          newest value in Redis {formatDuration(group.redisWrite.newestValueAgeSeconds)} old (sampled{" "}
          {formatDateTime(group.redisWrite.sampledAt)})
        </p>
      ) : null}
      {group.backfill ? <p className="mt-0.5 text-amber-700 dark:text-amber-400">backfill: {group.backfill.text}</p> : null}
      {group.reason ? <p className="mt-0.5">{group.reason}</p> : null}
    </div>
  );
}
