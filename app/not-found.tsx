import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Not found" };

/** Any unknown page, or a group that was deleted or renamed: say so and offer the way back. */
export default function NotFound() {
  return (
    <>
      <PageHeader title="Not found" description="There is nothing at this address." />
      <EmptyState
        title="This page does not exist"
        action={
          <div className="flex flex-wrap justify-center gap-2">
            <ButtonLink href="/groups" variant="primary">
              Browse feature groups
            </ButtonLink>
            <ButtonLink href="/">Overview</ButtonLink>
          </div>
        }
      >
        A feature group you followed a link to may have been deleted; its last definition stays in the audit log. Search the feature groups
        for its name or its features.
      </EmptyState>
    </>
  );
}
