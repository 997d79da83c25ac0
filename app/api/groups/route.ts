import { defineRoute } from "@/lib/api/define-route";
import { authorizeGroupChange } from "@/lib/auth/guard";
import { assertWritable } from "@/lib/groups/write-checks";
import { createGroup } from "@/lib/registry/groups";
import { searchGroups } from "@/lib/registry/search";
import { GroupSearchSchema } from "@/lib/schemas/group-search";
import { FeatureGroupSchema } from "@/lib/schemas/feature-group";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary: "Feature groups: ranked search over groups and features, filters, sorting and pagination.",
    access: "read",
    query: GroupSearchSchema,
  },
  ({ query }) => searchGroups(query),
);

export const POST = defineRoute(
  { summary: "Registers a feature group.", access: "write", body: FeatureGroupSchema, status: 201 },
  async ({ body: definition, writer }) => {
    const actor = authorizeGroupChange(writer!, definition.name, null, definition);
    await assertWritable([definition]);
    return createGroup(definition, actor);
  },
);
