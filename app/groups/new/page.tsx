import type { Metadata } from "next";
import { NotAllowed } from "@/components/auth/not-allowed";
import { GroupForm } from "@/components/groups/group-form";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { canCreateGroups } from "@/lib/auth/permissions";
import { materializedViewOptions } from "@/lib/groups/form-options";
import { EMPTY_FORM } from "@/lib/schemas/group-form";
import { previewGroupAction, saveGroupAction } from "../actions";

export const metadata: Metadata = { title: "Register a feature group" };
export const dynamic = "force-dynamic";

export default async function NewGroupPage() {
  const [views, actor] = await Promise.all([materializedViewOptions(), pageActor()]);
  if (!canCreateGroups(actor) || actor.kind !== "user")
    return <NotAllowed actor={actor} what="register feature groups" returnTo="/groups/new" />;
  // Editors register groups for themselves or their team: start from their own name.
  const initial = { ...EMPTY_FORM, owner: actor.email, team: actor.teams[0] ?? "" };
  return (
    <>
      <PageHeader
        title="Register a feature group"
        description="Point the registry at a materialized view, describe its features, review the plan, confirm."
      />
      <GroupForm
        mode="create"
        initial={initial}
        version={null}
        materializedViews={views.ok ? views.value : null}
        risingwaveError={views.ok ? undefined : views.unavailable.reason}
        preview={previewGroupAction}
        save={saveGroupAction}
      />
    </>
  );
}
