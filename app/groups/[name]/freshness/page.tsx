import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FreshnessHistoryChart } from "@/components/freshness/freshness-history-chart";
import { IncidentTable } from "@/components/freshness/incident-table";
import { PageHeader } from "@/components/ui/page-header";
import { TabLinks } from "@/components/ui/tab-links";
import { getGroup } from "@/lib/registry/groups";
import { loadFreshnessHistory } from "@/lib/registry/samples";
import { WINDOWS, WindowSchema } from "@/lib/schemas/freshness";

export const dynamic = "force-dynamic";
type Props = { params: Promise<{ name: string }>; searchParams: Promise<{ window?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).name} freshness` };
}

export default async function GroupFreshnessPage({ params, searchParams }: Props) {
  const { name } = await params;
  const window = WindowSchema.parse((await searchParams).window);
  const group = await getGroup(name);
  if (!group) notFound();
  const history = await loadFreshnessHistory(name, WINDOWS[window]);
  return (
    <>
      <PageHeader
        title={`${name} · freshness`}
        description={`Freshness against the ${group.definition.freshness_sla_seconds} s SLA; red areas are incidents.`}
      />
      <TabLinks
        basePath={`/groups/${name}/freshness`}
        active={window}
        tabs={[
          { id: "1h", label: "1 hour" },
          { id: "24h", label: "24 hours" },
          { id: "7d", label: "7 days" },
        ]}
        param="window"
      />
      <FreshnessHistoryChart history={history} slaSeconds={group.definition.freshness_sla_seconds} />
      <section aria-labelledby="incidents-heading" className="mt-6">
        <h2 id="incidents-heading" className="mb-2 text-base font-semibold">
          Incident history
        </h2>
        <IncidentTable incidents={history.incidents} now={history.now} />
      </section>
    </>
  );
}
