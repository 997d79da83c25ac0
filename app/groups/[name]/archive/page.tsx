import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PartitionTable } from "@/components/archive/partition-table";
import { UnavailableBanner } from "@/components/health/unavailable-banner";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { describeGroupArchive } from "@/lib/archive/group-archive";
import { getGroup } from "@/lib/registry/groups";

export const dynamic = "force-dynamic";
type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${(await params).name} archive` };
}

export default async function GroupArchivePage({ params }: Props) {
  const { name } = await params;
  const group = await getGroup(name);
  if (!group) notFound();
  const { sections, sinksUnavailable } = await describeGroupArchive(group.definition);
  return (
    <>
      <PageHeader
        title={`${name} · archive`}
        description="Training snapshots and file-sink output per day: files, rows and bytes, with missing days flagged."
      />
      {sinksUnavailable ? (
        <UnavailableBanner
          unavailable={sinksUnavailable}
          affects="The file sinks are unknown; the registry's snapshot folder is listed below."
        />
      ) : null}
      {sections.length === 0 ? (
        <EmptyState title="Nothing archived for this group">
          The group declares no snapshot path and no file sink reads its materialized view.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {sections.map((section) => (
            <PartitionTable key={section.folder} section={section} />
          ))}
        </div>
      )}
    </>
  );
}
