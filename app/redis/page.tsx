import type { Metadata } from "next";
import Link from "next/link";
import { MemoryChart } from "@/components/redis/memory-chart";
import { formatKeyCount, formatShare, groupCoverage } from "@/components/redis/format";
import { UnavailableBanner } from "@/components/health/unavailable-banner";
import { walkStale } from "@/components/redis/format";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatBytes, formatCount, formatDateTime } from "@/lib/format";
import { latestRedisStats } from "@/lib/observability/redis-collector";
import { allAdvice } from "@/lib/observability/advice-view";
import { TtlAdviceList } from "@/components/redis/ttl-advice-list";
import { available } from "@/lib/health/availability";
import { cardClass } from "@/components/ui/surface";

export const metadata: Metadata = { title: "Redis" };
export const dynamic = "force-dynamic";

const SORTS = { name: "Group", keys: "Keys", memory: "Memory", coverage: "Coverage" } as const;
type Sort = keyof typeof SORTS;
type Props = { searchParams: Promise<{ sort?: string }> };

export default async function RedisPage({ searchParams }: Props) {
  const requested = (await searchParams).sort;
  const sort: Sort = requested && requested in SORTS ? (requested as Sort) : "memory";
  const { stats, failure } = latestRedisStats();
  if (!stats) {
    return (
      <>
        <PageHeader title="Redis" description="The online store per feature group: keys, memory, TTLs and coverage." />
        {failure ? (
          <UnavailableBanner
            unavailable={failure}
            affects={`The Redis walk of ${formatDateTime(failure.at)} failed, and none has succeeded yet.`}
          />
        ) : (
          <EmptyState title="Not collected yet">
            The collector walks the keyspace with SCAN shortly after start, then every REDIS_STATS_INTERVAL_SECONDS; this page shows its
            last result.
          </EmptyState>
        )}
      </>
    );
  }
  const rows = stats.groups.map((group) => ({ ...group, coverage: groupCoverage(group) }));
  const key = {
    memory: (row: (typeof rows)[number]) => -(row.memoryBytes ?? -1),
    keys: (row: (typeof rows)[number]) => -row.keys,
    coverage: (row: (typeof rows)[number]) => row.coverage ?? 2,
    name: () => 0,
  }[sort];
  rows.sort((a, b) => key(a) - key(b) || a.group.localeCompare(b.group));
  const { server, scan } = stats;
  const advice = await available(() => allAdvice());
  const figures: [string, string][] = [
    [
      "Used memory",
      server.usedMemoryBytes === null
        ? "–"
        : `${formatBytes(server.usedMemoryBytes)}${server.maxMemoryBytes ? ` of ${formatBytes(server.maxMemoryBytes)}` : ""}`,
    ],
    ["Hit ratio", formatShare(server.hitRatio)],
    ["Evicted keys", server.evictedKeys == null ? "–" : formatCount(server.evictedKeys)],
    ["Expired keys", server.expiredKeys == null ? "–" : formatCount(server.expiredKeys)],
    ["Clients", server.connectedClients?.toString() ?? "–"],
    ["Ops/s", server.opsPerSecond == null ? "–" : formatCount(server.opsPerSecond)],
    ["Keys in the database", formatCount(scan.dbsize)],
  ];
  return (
    <>
      <PageHeader
        title="Redis"
        description="The online store per feature group: keys, memory, TTLs and coverage, from the collector's last walk."
      />
      {failure ? <UnavailableBanner unavailable={failure} affects={walkStale(stats.collectedAt)} /> : null}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" aria-label="Server">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500">
        Walk at {formatDateTime(stats.collectedAt)}: {formatCount(scan.calls)} SCAN calls over {scan.elapsedMs} ms,{" "}
        {formatCount(scan.examined)} keys examined,{" "}
        {scan.complete ? "complete (exact counts)" : "stopped at its time budget (counts are estimates with a 95% bound)"}.
      </p>
      {advice.ok && advice.value.length > 0 ? (
        <section aria-labelledby="advice-heading" className={`mt-6 ${cardClass()}`}>
          <h2 id="advice-heading" className="mb-2 text-base font-semibold">
            TTL advice
          </h2>
          {advice.value.map((entry) => (
            <div key={entry.group} className="mb-3">
              <h3 className="mb-1 text-sm font-semibold">
                <Link className="font-mono text-tide-700 hover:underline dark:text-tide-400" href={`/groups/${entry.group}`}>
                  {entry.group}
                </Link>
              </h3>
              <TtlAdviceList advice={entry.advice} label={`TTL advice for ${entry.group}`} />
            </div>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="memory-heading" className={`mt-6 ${cardClass()}`}>
        <h2 id="memory-heading" className="mb-2 text-base font-semibold">
          Memory by group
        </h2>
        <MemoryChart
          data={rows.filter((row) => row.memoryBytes !== null).map((row) => ({ group: row.group, memoryBytes: row.memoryBytes as number }))}
        />
      </section>
      <div className={`mt-6 ${cardClass(false)}`}>
        <table className="w-full text-sm" aria-label="Feature groups in Redis">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {(Object.keys(SORTS) as Sort[]).map((column) => (
                <th
                  key={column}
                  scope="col"
                  className={`px-3 py-2 font-medium ${column === "name" ? "text-left" : "text-right"}`}
                  aria-sort={sort === column ? (column === "name" || column === "coverage" ? "ascending" : "descending") : undefined}
                >
                  <Link href={`/redis?sort=${column}`} className="hover:underline">
                    {SORTS[column]}
                    {sort === column ? " ▾" : ""}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.group} data-group={row.group} className="border-t border-slate-100 dark:border-slate-800">
                <td className="px-3 py-2">
                  <Link className="font-mono text-tide-700 hover:underline dark:text-tide-400" href={`/groups/${row.group}`}>
                    {row.group}
                  </Link>
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatKeyCount({ count: row.keys, exact: row.exact, margin: row.margin })}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{row.memoryBytes === null ? "–" : formatBytes(row.memoryBytes)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatShare(row.coverage)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
