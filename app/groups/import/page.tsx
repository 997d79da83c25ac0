import type { Metadata } from "next";
import { DbtImport } from "@/components/groups/dbt-import";
import { YamlImport } from "@/components/groups/yaml-import";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Import YAML or dbt" };

export default function ImportPage() {
  return (
    <>
      <PageHeader
        title="Import feature groups"
        description="Register or update feature groups from definitions kept in Git: YAML (the format of features/ and `npx tideline import`) or a dbt project's manifest (`npx tideline import --dbt`)."
      />
      <section aria-labelledby="yaml-import-heading">
        <h2 id="yaml-import-heading" className="mb-2 text-lg font-semibold">
          Import YAML
        </h2>
        <YamlImport />
      </section>
      <section aria-labelledby="dbt-import-heading" className="mt-10">
        <h2 id="dbt-import-heading" className="mb-2 text-lg font-semibold">
          Import from a dbt project
        </h2>
        <DbtImport />
      </section>
    </>
  );
}
