import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Catalog" };

export default function CatalogPage() {
  return (
    <>
      <PageHeader title="Catalog" description="Browse and search feature groups, their features, dtypes, owners and SLAs." />
      <EmptyState title="The catalog is not built yet">Registered feature groups will be listed here with search across names, descriptions and tags, and filters by owner, entity, tag and status.</EmptyState>
    </>
  );
}
