import type { Metadata } from "next";
import { DbtImport } from "@/components/groups/dbt-import";
import { YamlImport } from "@/components/groups/yaml-import";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Import YAML or dbt" };

export default function ImportPage() {
  return (
    <>
      <PageHeader
        title="Import YAML"
        description="Register or update feature groups from YAML definitions kept in Git. Same format as features/ and `npx tideline import`."
      />
      <YamlImport />
      <section aria-labelledby="dbt-import-heading" className="mt-10">
        <h2 id="dbt-import-heading" className="mb-2 text-lg font-semibold">
          Import from a dbt project
        </h2>
        <DbtImport />
      </section>
    </>
  );
}
