import { BackendStatus } from "@/components/health/backend-status";
import { DriftCounts } from "@/components/drift/drift-counts";
import { LiveOverview } from "@/components/freshness/live-overview";
import { PageHeader } from "@/components/ui/page-header";
import { available } from "@/lib/health/availability";
import { sharedFreshnessBoard } from "@/lib/observability/board";
import { latestDriftSummaries } from "@/lib/registry/drift-runs";
import { listIncidents } from "@/lib/registry/incidents";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  // The board names a registry outage itself; the incidents are then left empty.
  const [board, incidents, drift] = await Promise.all([
    sharedFreshnessBoard(),
    available(() => listIncidents({ limit: 8 })),
    available(() => latestDriftSummaries()),
  ]);
  return (
    <>
      <PageHeader
        title="Overview"
        description="The state of your feature store at a glance: SLA breaches, the stalest groups, recent incidents, drift and backends."
      />
      <div className="space-y-6">
        {/* Times cross to the client as the API sends them, so the first render and the polls agree. */}
        <LiveOverview
          board={board}
          incidents={(incidents.ok ? incidents.value : []).map((incident) => ({
            ...incident,
            openedAt: incident.openedAt.toISOString(),
            closedAt: incident.closedAt?.toISOString() ?? null,
          }))}
        />
        {drift.ok ? <DriftCounts runs={drift.value} /> : null}
        <BackendStatus />
      </div>
    </>
  );
}
