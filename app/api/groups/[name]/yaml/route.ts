import { notFound } from "@/lib/errors";
import { handle } from "@/lib/http";
import { getGroup } from "@/lib/registry/groups";
import { definitionToYaml } from "@/lib/yaml/serialize";

export const dynamic = "force-dynamic";

export function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  return handle(async () => {
    const { name } = await params;
    const group = await getGroup(name);
    if (!group) throw notFound(`feature group ${name}`);
    return new Response(definitionToYaml(group.definition), { headers: { "content-type": "application/yaml; charset=utf-8" } });
  });
}
