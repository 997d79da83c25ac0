import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Lineage" };

export default function LineagePage() {
  return (
    <>
      <PageHeader title="Lineage" description="Follow features from Kafka and CDC sources through materialized views to Redis and S3 sinks." />
      <EmptyState title="The lineage graph is not built yet">The graph of sources, materialized views and sinks will be read from RisingWave&apos;s catalog (rw_depend) and drawn here.</EmptyState>
    </>
  );
}
