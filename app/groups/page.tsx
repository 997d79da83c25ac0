import type { Metadata } from "next";
import { GroupFilters } from "@/components/groups/group-filters";
import { GroupTable } from "@/components/groups/group-table";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { latestDriftSummaries } from "@/lib/registry/drift-runs";
import { searchGroups } from "@/lib/registry/search";
import { GroupSearchSchema } from "@/lib/schemas/group-search";
import { firstValues } from "@/lib/search-params";

export const metadata: Metadata = { title: "Feature groups" };
export const dynamic = "force-dynamic";

export default async function GroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = firstValues(await searchParams);
  const query = GroupSearchSchema.parse(params);
  // After a delete: the group page is gone, so this list confirms it.
  const deleted = typeof params.deleted === "string" ? params.deleted.slice(0, 200) : null;
  const result = await searchGroups(query);
  // The page's groups' latest drift, one query; the catalog stands without it.
  const drift = await latestDriftSummaries(result.items.map((item) => item.name)).catch(() => []);
  const filters = [
    query.owner && `owner ${query.owner}`,
    query.entity && `entity ${query.entity}`,
    query.tag && `tag ${query.tag}`,
    query.status,
  ]
    .filter(Boolean)
    .join(", ");
  const filtered = !!(query.q || filters);
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
            <ButtonLink href="/groups/import">Import YAML or dbt</ButtonLink>
            <ButtonLink href="/groups/new" variant="primary">
              Register group
            </ButtonLink>
          </div>
        }
      />
      {deleted ? <Notice>Deleted {deleted}. Its last definition stays in the audit log.</Notice> : null}
      <GroupFilters key={JSON.stringify(query)} query={query} facets={result.facets} />
      {result.items.length > 0 ? (
        <>
          <GroupTable items={result.items} drift={new Map(drift.map((run) => [run.group, run.status]))} />
          <Pagination basePath="/groups" params={{ ...query }} page={result.page} size={result.size} total={result.total} />
        </>
      ) : filtered ? (
        <EmptyState title="No feature group matches" action={<ButtonLink href="/groups">Clear search and filters</ButtonLink>}>
          {query.q && filters ? (
            <>
              Nothing matches “{query.q}” with the filters {filters}. The filters may be what excludes them: clear one, or change the
              search.
            </>
          ) : query.q ? (
            <>Nothing in the registry matches “{query.q}”. Search covers group and feature names, descriptions, tags and owners.</>
          ) : (
            <>No group has {filters}. Clear a filter to see more.</>
          )}
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
