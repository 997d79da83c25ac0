import type { Metadata } from "next";
import { GroupFilters } from "@/components/groups/group-filters";
import { GroupTable } from "@/components/groups/group-table";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { searchGroups } from "@/lib/registry/search";
import { GroupSearchSchema } from "@/lib/schemas/group-search";
import { firstValues } from "@/lib/search-params";

export const metadata: Metadata = { title: "Feature groups" };
export const dynamic = "force-dynamic";

export default async function GroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = GroupSearchSchema.parse(firstValues(await searchParams));
  const result = await searchGroups(query);
  const filtered = !!(query.q || query.owner || query.entity || query.tag || query.status);
  return (
    <>
      <PageHeader
        title="Feature groups"
        description="Browse and search feature groups, their features, dtypes, owners and SLAs."
        actions={
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/api/registry/export" download>
              Export YAML
            </ButtonLink>
            <ButtonLink href="/groups/import">Import YAML</ButtonLink>
            <ButtonLink href="/groups/new" variant="primary">
              Register group
            </ButtonLink>
          </div>
        }
      />
      <GroupFilters key={JSON.stringify(query)} query={query} facets={result.facets} />
      {result.items.length > 0 ? (
        <>
          <GroupTable items={result.items} />
          <Pagination basePath="/groups" params={{ ...query }} page={result.page} size={result.size} total={result.total} />
        </>
      ) : filtered ? (
        <EmptyState title="No feature group matches" action={<ButtonLink href="/groups">Clear search and filters</ButtonLink>}>
          Nothing in the registry matches {query.q ? <>“{query.q}”</> : "these filters"}. Search covers group and feature names,
          descriptions, tags and owners.
        </EmptyState>
      ) : (
        <EmptyState
          title="The registry is empty"
          action={
            <ButtonLink href="/groups/new" variant="primary">
              Register the first group
            </ButtonLink>
          }
        >
          Register a feature group through the form, or import YAML definitions kept in Git.
        </EmptyState>
      )}
    </>
  );
}
