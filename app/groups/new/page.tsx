import type { Metadata } from "next";
import { GroupForm } from "@/components/catalog/group-form";
import { PageHeader } from "@/components/ui/page-header";
import { materializedViewOptions } from "@/lib/registry/form-options";
import { EMPTY_FORM } from "@/lib/schemas/group-form";
import { previewGroupAction, saveGroupAction } from "../actions";

export const metadata: Metadata = { title: "Register a feature group" };
export const dynamic = "force-dynamic";

export default async function NewGroupPage() {
  const views = await materializedViewOptions();
  return (
    <>
      <PageHeader title="Register a feature group" description="Point the registry at a materialized view, describe its features, review the plan, confirm." />
      <GroupForm mode="create" initial={EMPTY_FORM} version={null} materializedViews={views.options} risingwaveError={views.error} preview={previewGroupAction} save={saveGroupAction} />
    </>
  );
}
