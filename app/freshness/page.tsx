import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Freshness" };

export default function FreshnessPage() {
  return (
    <>
      <PageHeader title="Freshness" description="Which feature groups breach their freshness SLA right now, since when, and where the delay sits." />
      <EmptyState title="No freshness measurements yet">Live freshness against each group&apos;s SLA, source lag and sink status appear here once the freshness collector samples RisingWave.</EmptyState>
    </>
  );
}
