import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotAllowed } from "@/components/auth/not-allowed";
import { GroupForm } from "@/components/groups/group-form";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { canEditGroup } from "@/lib/auth/permissions";
import { materializedViewOptions } from "@/lib/groups/form-options";
import { getGroup } from "@/lib/registry/groups";
import { definitionToForm } from "@/lib/schemas/group-form";
import { previewGroupAction, saveGroupAction } from "../../actions";

export const dynamic = "force-dynamic";
type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit ${(await params).name}` };
}

export default async function EditGroupPage({ params }: Props) {
  const { name } = await params;
  const [group, views, actor] = await Promise.all([getGroup(name), materializedViewOptions(), pageActor()]);
  if (!group) notFound();
  // The form's save action checks again; this only spares the user a form they cannot submit.
  if (!canEditGroup(actor, group.definition)) return <NotAllowed actor={actor} what={`edit ${name}`} returnTo={`/groups/${name}/edit`} />;
  return (
    <>
      <PageHeader
        title={`Edit ${name}`}
        description={`Editing version ${group.version}. If someone saves first, you will be told and nothing is lost.`}
      />
      {group.origin.kind !== "ui" ? (
        <p role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          This definition lives in {group.origin.kind === "yaml" ? "the YAML file" : "the dbt model"} <code>{group.origin.ref}</code>: the
          next import from there replaces what you save here. Change it there too.
        </p>
      ) : null}
      <GroupForm
        mode="edit"
        initial={definitionToForm(group.definition)}
        version={group.version}
        materializedViews={views.ok ? views.value : null}
        risingwaveError={views.ok ? undefined : views.unavailable.reason}
        preview={previewGroupAction}
        save={saveGroupAction}
      />
    </>
  );
}
