import { handle } from "@/lib/http";
import { listAllDefinitions } from "@/lib/registry/groups";
import { definitionsToYaml } from "@/lib/yaml/serialize";

export const dynamic = "force-dynamic";

export function GET() {
  return handle(async () => {
    const yaml = definitionsToYaml(await listAllDefinitions());
    return new Response(yaml, {
      headers: {
        "content-type": "application/yaml; charset=utf-8",
        "content-disposition": 'attachment; filename="tideline-registry.yaml"',
      },
    });
  });
}
