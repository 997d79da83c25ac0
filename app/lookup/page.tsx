import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Lookup" };

export default function LookupPage() {
  return (
    <>
      <PageHeader title="Lookup" description="Compare one entity's feature values in RisingWave, Redis and the latest S3 snapshot." />
      <EmptyState title="Entity lookup is not built yet">Pick a feature group and an entity key to see its values side by side in every layer, with disagreements flagged.</EmptyState>
    </>
  );
}
