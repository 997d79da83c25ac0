import type { Metadata } from "next";
import { Suspense } from "react";
import { FreshnessBoard } from "@/components/freshness/freshness-board";
import { PageHeader } from "@/components/ui/page-header";
import { sharedFreshnessBoard } from "@/lib/observability/board";

export const metadata: Metadata = { title: "Freshness" };
export const dynamic = "force-dynamic";

export default async function FreshnessPage() {
  const board = await sharedFreshnessBoard();
  return (
    <>
      <PageHeader
        title="Freshness"
        description="Which feature groups breach their freshness SLA right now, since when, and where the delay sits."
      />
      <Suspense>
        <FreshnessBoard initial={board} />
      </Suspense>
    </>
  );
}
