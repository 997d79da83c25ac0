import Link from "next/link";
import { cardClass } from "@/components/ui/surface";
import { formatBytes, formatCount, formatDuration } from "@/lib/format";
import type { SampleComparison, Verdict } from "@/lib/versions/verdict";
import type { VersionsView } from "@/lib/versions/view";

/** Whether `to` has caught up with `from`, check by check, the sampled entities that differ, and the impact of the change. */
export function VerdictSection({
  from,
  to,
  verdict,
  comparison,
  impact,
}: {
  from: string;
  to: string;
  verdict: Verdict;
  comparison: SampleComparison | null;
  impact: VersionsView["impact"];
}) {
  return (
    <section aria-labelledby="verdict-heading" className={`mt-6 ${cardClass()}`}>
      <h2 id="verdict-heading" className="mb-2 text-base font-semibold">
        {to} against {from}: {verdict.caughtUp ? "caught up" : "not caught up yet"}
      </h2>
      <ul className="space-y-1 text-sm" aria-label="Caught-up checks">
        {verdict.checks.map((check) => (
          <li key={check.id} data-check={check.id} data-ok={check.ok}>
            <span aria-hidden="true">{check.ok ? "✓" : "✗"}</span> {check.detail}
          </li>
        ))}
      </ul>
      {comparison && comparison.examples.length > 0 ? (
        <table className="mt-3 w-full text-left text-xs" aria-label="Sampled entities that differ">
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="px-2 py-1 font-medium">
                Key
              </th>
              <th scope="col" className="px-2 py-1 font-medium">
                Feature
              </th>
              <th scope="col" className="px-2 py-1 font-medium">
                {from}
              </th>
              <th scope="col" className="px-2 py-1 font-medium">
                {to}
              </th>
            </tr>
          </thead>
          <tbody>
            {comparison.examples.map((example) => (
              <tr key={`${example.key}:${example.feature}`} className="border-t border-slate-100 font-mono dark:border-slate-800">
                <td className="px-2 py-1">{example.key}</td>
                <td className="px-2 py-1">{example.feature}</td>
                <td className="px-2 py-1">{example.serving ?? "null"}</td>
                <td className="px-2 py-1">{example.candidate ?? "null"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h3 className="mb-1 mt-4 text-sm font-semibold">Impact</h3>
      <ul className="list-disc pl-5 text-sm" aria-label="Impact">
        <li>
          Backfill reads {impact.backfillRows === null ? "an unknown number of" : formatCount(impact.backfillRows)} rows
          {impact.secondsLeft !== null
            ? `: about ${formatDuration(impact.secondsLeft)} left at ${formatCount(Math.round(impact.rowsPerSecond ?? 0))} rows/s`
            : ""}
          .
        </li>
        <li>
          The new sinks write about {impact.redisKeys === null ? "as many" : formatCount(impact.redisKeys)} Redis keys
          {impact.redisBytes ? ` (${formatBytes(impact.redisBytes)})` : ""} beside the old ones until those are dropped.
        </li>
        <li>
          Sinks to recreate on {to}: {impact.sinks.length ? impact.sinks.join(", ") : "none"}.
        </li>
        <li>
          Materialized views built on {from}, to rebuild on {to}:{" "}
          {impact.downstream.length
            ? impact.downstream.map((reader, index) => (
                <span key={reader.mv}>
                  {index > 0 ? ", " : ""}
                  {reader.mv}
                  {reader.group ? (
                    <>
                      {" "}
                      (serves{" "}
                      <Link className="underline" href={`/groups/${encodeURIComponent(reader.group)}`}>
                        {reader.group}
                      </Link>
                      )
                    </>
                  ) : null}
                </span>
              ))
            : "none"}
          .
        </li>
      </ul>
    </section>
  );
}
