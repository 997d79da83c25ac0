import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DriftStatusBadge } from "@/components/drift/drift-status";
import { DriftTable } from "@/components/drift/drift-table";
import { HistogramOverlay } from "@/components/drift/histogram-overlay";
import { ParitySection } from "@/components/drift/parity-section";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/lib/env";
import { formatCount, formatDateTime } from "@/lib/format";
import { overlayBins } from "@/lib/drift/overlay";
import { groupDriftView } from "@/lib/drift/views";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ feature?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).name} drift` };
}

export default async function GroupDriftPage({ params, searchParams }: Props) {
  const { name } = await params;
  // One registry read: groupDriftView's 404 is the page's.
  const view = await groupDriftView(name).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const { latest, history } = view;
  const header = (
    <PageHeader
      title={`${name} · drift`}
      description="Each feature's distribution in the training snapshot, the live materialized view and the values Redis serves, compared pair by pair."
    />
  );
  if (!latest)
    return (
      <>
        {header}
        <EmptyState title="Not measured yet">
          The collector measures drift every {env.DRIFT_INTERVAL_MINUTES} minutes; this group has no measurement yet.
        </EmptyState>
      </>
    );
  const requested = (await searchParams).feature;
  const selected =
    latest.features.find((feature) => feature.name === requested) ??
    latest.features.find((feature) => feature.status === "breach") ??
    latest.features[0] ??
    null;
  return (
    <>
      {header}
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        <DriftStatusBadge status={latest.status} /> measured {formatDateTime(latest.measuredAt)}
        {latest.training
          ? ` · training: ${latest.training.partition} (${formatCount(latest.training.rows)} of ${formatCount(latest.training.rowsInPartition)} rows)`
          : ""}
        {latest.live ? ` · live: ${formatCount(latest.live.rows)} rows${latest.live.aggregated ? "" : " (sample only)"}` : ""}
      </p>
      {latest.problems.length > 0 ? (
        <ul className="mb-4 list-disc pl-5 text-sm text-amber-800 dark:text-amber-300" aria-label="What could not be read">
          {latest.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <DriftTable group={name} features={latest.features} history={history} selected={selected?.name ?? null} />
      {selected ? (
        <section aria-labelledby="overlay-heading" className="mt-6">
          <h2 id="overlay-heading" className="mb-2 text-base font-semibold">
            {selected.name}: training, live and served
          </h2>
          <HistogramOverlay feature={selected.name} bins={overlayBins(selected)} />
        </section>
      ) : null}
      <ParitySection parity={latest.parity} />
    </>
  );
}
