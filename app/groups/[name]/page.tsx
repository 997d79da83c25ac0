import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuditHistory } from "@/components/groups/audit-history";
import { FreshnessHistoryChart } from "@/components/freshness/freshness-history-chart";
import { FeatureTable } from "@/components/groups/feature-table";
import { GroupActions } from "@/components/groups/group-actions";
import { GroupSummary } from "@/components/groups/group-summary";
import { SchemaCheckTable } from "@/components/groups/schema-check-table";
import { StatusBadge } from "@/components/groups/status-badge";
import { GroupLineage } from "@/components/lineage/group-lineage";
import { GroupRedisStatsView } from "@/components/redis/group-redis-stats";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { TabLinks } from "@/components/ui/tab-links";
import { pageActor } from "@/lib/auth/page-actor";
import { canEditGroup } from "@/lib/auth/permissions";
import { describeError } from "@/lib/errors";
import { loadLineageGraph } from "@/lib/lineage/load";
import { latestRedisStats } from "@/lib/observability/redis-collector";
import { ttlAdvice } from "@/lib/observability/ttl-advice";
import { TtlAdviceList } from "@/components/redis/ttl-advice-list";
import { available } from "@/lib/health/availability";
import { readServingUsage } from "@/lib/redis/serving-usage";
import { ServingUsageLine } from "@/components/freshness/serving-usage";
import { UnavailableBanner } from "@/components/health/unavailable-banner";
import { walkStale } from "@/components/redis/format";
import { getGroup, listAudit } from "@/lib/registry/groups";
import { liveSchemaCheck } from "@/lib/groups/live-check";
import { loadFreshnessHistory } from "@/lib/registry/samples";
import { WINDOWS } from "@/lib/schemas/freshness";
import type { FeatureGroupDefinition } from "@/lib/schemas/feature-group";
import { definitionToYaml } from "@/lib/yaml/serialize";
import { deleteGroupAction, deprecateGroupAction } from "../actions";
import { cardClass } from "@/components/ui/surface";

export const dynamic = "force-dynamic";
const TABS = [
  { id: "features", label: "Features & schema" },
  { id: "yaml", label: "YAML" },
  { id: "lineage", label: "Lineage" },
  { id: "history", label: "History" },
];
type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ tab?: string; saved?: string; deprecated?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).name };
}

export default async function GroupPage({ params, searchParams }: Props) {
  const { name } = await params;
  const { tab: requested, saved, deprecated } = await searchParams;
  const tab = TABS.find((item) => item.id === requested)?.id ?? "features";
  const [group, actor] = await Promise.all([getGroup(name), pageActor()]);
  if (!group) notFound();
  const { definition, version } = group;
  // Only owners (and admins) see the write controls; every write checks again on the server.
  const editable = canEditGroup(actor, definition);
  return (
    <>
      <PageHeader
        title={name}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={definition.status} />
            <ButtonLink href={`/groups/${name}/freshness`}>Freshness</ButtonLink>
            <ButtonLink href={`/groups/${name}/drift`}>Drift</ButtonLink>
            <ButtonLink href={`/groups/${name}/versions`}>Versions</ButtonLink>
            <ButtonLink href={`/groups/${name}/archive`}>Archive</ButtonLink>
            <ButtonLink href={`/lookup?group=${name}`}>Look up an entity</ButtonLink>
            {editable ? (
              <>
                <ButtonLink href={`/groups/${name}/edit`} variant="primary">
                  Edit
                </ButtonLink>
                <GroupActions
                  name={name}
                  version={version}
                  status={definition.status}
                  onDeprecate={deprecateGroupAction}
                  onDelete={deleteGroupAction}
                />
              </>
            ) : null}
          </div>
        }
      />
      {saved ? (
        <Notice>
          Saved {name} as version {version}.
        </Notice>
      ) : null}
      {deprecated ? <Notice>{name} is now deprecated: it stays listed so consumers know to move off it.</Notice> : null}
      <GroupSummary definition={definition} version={version} updatedAt={group.updatedAt} origin={group.origin} />
      <LastHourFreshness name={name} slaSeconds={definition.freshness_sla_seconds} />
      <RedisSection name={name} definition={definition} />
      <div className="mt-6">
        <TabLinks tabs={TABS} active={tab} basePath={`/groups/${name}`} />
        {tab === "features" ? <FeaturesTab definition={definition} /> : null}
        {tab === "yaml" ? (
          <div>
            <div className="mb-2 flex justify-end">
              <ButtonLink href={`/api/groups/${name}/yaml`} download>
                Download YAML
              </ButtonLink>
            </div>
            <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100">{definitionToYaml(definition)}</pre>
          </div>
        ) : null}
        {tab === "lineage" ? <LineageTab materializedView={definition.materialized_view} /> : null}
        {tab === "history" ? <AuditHistory entries={await listAudit(name)} /> : null}
      </div>
    </>
  );
}

/** The last hour of freshness against the SLA; the full history is on /groups/<name>/freshness. */
async function LastHourFreshness({ name, slaSeconds }: { name: string; slaSeconds: number }) {
  const history = await loadFreshnessHistory(name, WINDOWS["1h"]);
  return (
    <section aria-labelledby="last-hour-heading" className={`mt-6 ${cardClass()}`}>
      <h2 id="last-hour-heading" className="mb-2 text-base font-semibold">
        Freshness, last hour
      </h2>
      <FreshnessHistoryChart history={history} slaSeconds={slaSeconds} />
    </section>
  );
}

async function FeaturesTab({ definition }: { definition: Parameters<typeof liveSchemaCheck>[0] }) {
  const check = await liveSchemaCheck(definition);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="features-heading" className="min-w-0 overflow-x-auto">
        <h2 id="features-heading" className="mb-2 text-base font-semibold">
          Features ({definition.features.length})
        </h2>
        <FeatureTable features={definition.features} />
      </section>
      <section aria-labelledby="schema-heading" className="min-w-0 overflow-x-auto">
        <h2 id="schema-heading" className="mb-2 text-base font-semibold">
          Live schema check
        </h2>
        <SchemaCheckTable check={check} />
      </section>
    </div>
  );
}

/** Upstream and downstream of the group's MV; a missing MV or an unreachable RisingWave is said plainly. */
async function LineageTab({ materializedView }: { materializedView: string }) {
  // An outage gets the banner; anything else (the MV is not in RisingWave) is said in its place.
  const graph = await available(() => loadLineageGraph(materializedView)).catch((error: unknown) =>
    describeError(error, "the lineage could not be read", "page"),
  );
  if ("error" in graph) return <EmptyState title="No lineage to show">{graph.error}</EmptyState>;
  if (!graph.ok)
    return <UnavailableBanner unavailable={graph.unavailable} affects="The group's upstream and downstream cannot be drawn now." />;
  return <GroupLineage graph={graph.value} nodeId={materializedView} />;
}

/** Keys, memory, TTLs and coverage in Redis, from the collector's last walk (a page view never scans). */
async function RedisSection({ name, definition }: { name: string; definition: FeatureGroupDefinition }) {
  const { stats, failure } = latestRedisStats();
  const usage = await available(() => readServingUsage());
  const group = stats?.groups.find((entry) => entry.group === name);
  const advice = ttlAdvice(definition, group ?? null);
  return (
    <section aria-labelledby="redis-heading" className={`mt-6 ${cardClass()}`}>
      <h2 id="redis-heading" className="mb-2 text-base font-semibold">
        Redis
      </h2>
      {usage.ok ? (
        <p className="mb-2 text-sm">
          Online serving: <ServingUsageLine usage={usage.value.get(name)} />
        </p>
      ) : null}
      {failure ? (
        <UnavailableBanner unavailable={failure} affects={stats ? walkStale(stats.collectedAt) : "No key stats have been collected yet."} />
      ) : null}
      {stats && group ? (
        <GroupRedisStatsView stats={group} collectedAt={stats.collectedAt} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {stats
            ? "This group was registered after the last walk; it appears after the next one."
            : "Not collected yet: the collector walks Redis shortly after start, then every REDIS_STATS_INTERVAL_SECONDS."}
        </p>
      )}
      <h3 className="mb-2 mt-4 text-sm font-semibold">TTL advice</h3>
      <TtlAdviceList advice={advice} />
    </section>
  );
}
