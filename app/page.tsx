import { BackendStatus } from "@/components/health/backend-status";
import { OverviewSummary } from "@/components/freshness/overview-summary";
import { PageHeader } from "@/components/ui/page-header";
import { buildFreshnessBoard } from "@/lib/observability/board";
import { listIncidents } from "@/lib/registry/incidents";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const [board, incidents] = await Promise.all([buildFreshnessBoard(), listIncidents({ limit: 8 })]);
  return (
    <>
      <PageHeader
        title="Overview"
        description="The state of your feature store at a glance: SLA breaches, the stalest groups, recent incidents and backends."
      />
      <div className="space-y-6">
        <OverviewSummary board={board} incidents={incidents} now={Date.parse(board.generatedAt)} />
        <BackendStatus />
      </div>
    </>
  );
}
