import { defineRoute } from "@/lib/api/define-route";
import { authorizeGroupChange } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { assertWritable } from "@/lib/groups/write-checks";
import { deleteGroup, getGroup, updateGroup } from "@/lib/registry/groups";
import { GroupDeleteQuerySchema, GroupPathSchema, GroupUpdateSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  { summary: "A group's definition, version and timestamps.", access: "read", params: GroupPathSchema },
  async ({ params: { name } }) => {
    const group = await getGroup(name);
    if (!group) throw notFound(`feature group ${name}`);
    return group;
  },
);

export const PUT = defineRoute(
  {
    summary: "Replaces a group's definition at the version it was read at (a stale version is a 409).",
    access: "write",
    params: GroupPathSchema,
    body: GroupUpdateSchema,
  },
  async ({ params: { name }, body: { version, definition }, writer }) => {
    const actor = authorizeGroupChange(writer!, name, (await getGroup(name))?.definition, definition);
    await assertWritable([definition]);
    return updateGroup(name, definition, version, actor);
  },
);

export const DELETE = defineRoute(
  {
    summary: "Deletes a group; ?version=N guards against deleting what someone just changed.",
    access: "write",
    params: GroupPathSchema,
    query: GroupDeleteQuerySchema,
    responds: "empty",
  },
  async ({ params: { name }, query: { version }, writer }) => {
    const stored = await getGroup(name);
    if (!stored) throw notFound(`feature group ${name}`);
    await deleteGroup(name, version ?? null, authorizeGroupChange(writer!, name, stored.definition, null));
    return new Response(null, { status: 204 });
  },
);
