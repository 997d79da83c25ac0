import type { Metadata } from "next";
import { GroupCostTable, TeamCostTable, formatMonthly } from "@/components/cost/cost-tables";
import { UnavailableBanner } from "@/components/health/unavailable-banner";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/surface";
import { costView } from "@/lib/cost/view";
import { formatDateTime } from "@/lib/format";
import { available } from "@/lib/health/availability";

export const metadata: Metadata = { title: "Cost" };
export const dynamic = "force-dynamic";

const AFFECTS: Record<string, string> = {
  risingwave: "RisingWave state (and the file sinks' folders) are unknown.",
  archive: "Archive bytes are unknown.",
};

export default async function CostPage() {
  const view = await available(() => costView());
  const header = (
    <PageHeader
      title="Cost"
      description="What each feature group costs a month, estimated: Redis memory, RisingWave state and archive bytes, each times a price per GB-month."
    />
  );
  if (!view.ok)
    return (
      <>
        {header}
        <UnavailableBanner unavailable={view.unavailable} affects="The groups cannot be listed without the registry." />
      </>
    );
  const report = view.value;
  if (report.groups.length === 0)
    return (
      <>
        {header}
        <EmptyState title="No feature groups yet">Register a group; its cost appears here.</EmptyState>
      </>
    );
  const totals: [string, number][] = [
    ["Total", report.total.monthly],
    ["Redis", report.total.redis],
    ["RisingWave state", report.total.risingwave],
    ["Archive", report.total.archive],
  ];
  return (
    <>
      {header}
      {report.unavailable.map((unavailable) => (
        <UnavailableBanner
          key={unavailable.backend}
          unavailable={unavailable}
          affects={AFFECTS[unavailable.backend] ?? "Some figures are unknown."}
        />
      ))}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Monthly estimate">
        {totals.map(([label, amount]) => (
          <div key={label} className={cardClass()}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{formatMonthly(amount)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        Estimates, not a bill: Redis at ${report.prices.redis}/GB-month from the key walk
        {report.redisMeasuredAt ? ` of ${formatDateTime(report.redisMeasuredAt)}` : " (none yet: Redis unknown)"} (sampled MEMORY USAGE ×
        keys); RisingWave state at ${report.prices.risingwave}/GB-month from rw_table_stats (the MV and its internal tables); the archive at
        ${report.prices.archive}/GB-month from its listing. Compute, network and requests are not counted. Prices: COST_*_GB_MONTH.{" "}
        <a className="text-tide-700 underline dark:text-tide-400" href="/api/cost/csv" download>
          Download CSV
        </a>
      </p>
      <h2 className="mb-2 mt-6 text-base font-semibold">Groups, largest first</h2>
      <GroupCostTable groups={report.groups} />
      <h2 className="mb-2 mt-6 text-base font-semibold">Teams</h2>
      <TeamCostTable teams={report.teams} />
    </>
  );
}
