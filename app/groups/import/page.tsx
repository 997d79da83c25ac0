import type { Metadata } from "next";
import { YamlImport } from "@/components/groups/yaml-import";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Import YAML" };

export default function ImportPage() {
  return (
    <>
      <PageHeader
        title="Import YAML"
        description="Register or update feature groups from YAML definitions kept in Git. Same format as features/ and `npx tideline import`."
      />
      <YamlImport />
    </>
  );
}
