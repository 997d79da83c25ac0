import { BackendStatus } from "@/components/health/backend-status";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export default function OverviewPage() {
  return (
    <>
      <PageHeader title="Overview" description="The state of your feature store at a glance: backends, SLA breaches and recent incidents." />
      <div className="space-y-6">
        <BackendStatus />
        <EmptyState title="No freshness data yet">
          Breach and warning counts, the five stalest feature groups and recent incidents appear here once the freshness
          collector is running. It is not built yet, so nothing is shown rather than made-up numbers.
        </EmptyState>
      </div>
    </>
  );
}
