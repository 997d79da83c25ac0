import { defineRoute } from "@/lib/api/define-route";
import { notFound } from "@/lib/errors";
import { getGroup } from "@/lib/registry/groups";
import { GroupPathSchema } from "@/lib/schemas/api";
import { definitionToYaml } from "@/lib/yaml/serialize";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  { summary: "A group's definition as YAML (the format of features/*.yaml).", access: "read", params: GroupPathSchema, responds: "yaml" },
  async ({ params: { name } }) => {
    const group = await getGroup(name);
    if (!group) throw notFound(`feature group ${name}`);
    return new Response(definitionToYaml(group.definition), { headers: { "content-type": "application/yaml; charset=utf-8" } });
  },
);
