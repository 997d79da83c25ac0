import { defineRoute } from "@/lib/api/define-route";
import { listAllDefinitions } from "@/lib/registry/groups";
import { definitionsToYaml } from "@/lib/yaml/serialize";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  { summary: "The whole registry as one YAML file (documents separated by ---).", access: "read", responds: "yaml" },
  async () =>
    new Response(definitionsToYaml(await listAllDefinitions()), {
      headers: {
        "content-type": "application/yaml; charset=utf-8",
        "content-disposition": 'attachment; filename="tideline-registry.yaml"',
      },
    }),
);
