import type { Metadata } from "next";
import { Suspense } from "react";
import { LineageExplorer } from "@/components/lineage/lineage-explorer";
import { UnavailableBanner } from "@/components/health/unavailable-banner";
import { EmptyState } from "@/components/ui/empty-state";
import { available } from "@/lib/health/availability";
import { PageHeader } from "@/components/ui/page-header";
import { loadLineageGraph } from "@/lib/lineage/load";

export const metadata: Metadata = { title: "Lineage" };
export const dynamic = "force-dynamic";

export default async function LineagePage() {
  const graph = await available(() => loadLineageGraph());
  return (
    <>
      <PageHeader
        title="Lineage"
        description="Kafka and CDC sources → materialized views → Redis and S3 sinks, coloured by freshness. Pick a node to see what breaks if it stalls."
      />
      {!graph.ok ? (
        <UnavailableBanner unavailable={graph.unavailable} affects="The lineage graph cannot be drawn without it." />
      ) : graph.value.nodes.length === 0 ? (
        <EmptyState title="RisingWave has no sources, tables, views or sinks yet">
          Create a source and a materialized view in RisingWave; they appear here on the next load.
        </EmptyState>
      ) : (
        <Suspense>
          <LineageExplorer initial={graph.value} />
        </Suspense>
      )}
    </>
  );
}
