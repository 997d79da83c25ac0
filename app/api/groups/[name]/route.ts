import { authorizeGroupChange, writerOf } from "@/lib/auth/guard";
import { AppError, notFound } from "@/lib/errors";
import { handle, readJson } from "@/lib/http";
import { assertCacheTemplatesFreeOfSinks } from "@/lib/registry/cache-keys";
import { deleteGroup, getGroup, updateGroup } from "@/lib/registry/groups";
import { GroupUpdateSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";
type Context = { params: Promise<{ name: string }> };

export function GET(_request: Request, { params }: Context) {
  return handle(async () => {
    const { name } = await params;
    const group = await getGroup(name);
    if (!group) throw notFound(`feature group ${name}`);
    return Response.json(group);
  });
}

export function PUT(request: Request, { params }: Context) {
  return handle(async () => {
    const { name } = await params;
    const writer = await writerOf(request);
    const { version, definition } = await readJson(request, GroupUpdateSchema);
    const actor = authorizeGroupChange(writer, name, (await getGroup(name))?.definition, definition);
    await assertCacheTemplatesFreeOfSinks([definition]);
    return Response.json(await updateGroup(name, definition, version, actor));
  });
}

/** DELETE /api/groups/{name}?version=N: the version guards against deleting what someone just changed. */
export function DELETE(request: Request, { params }: Context) {
  return handle(async () => {
    const { name } = await params;
    const writer = await writerOf(request);
    const raw = new URL(request.url).searchParams.get("version");
    const version = raw === null ? null : Number(raw);
    if (version !== null && !Number.isInteger(version))
      throw new AppError(422, "version must be an integer", [{ path: "version", message: "not an integer" }]);
    const stored = await getGroup(name);
    if (!stored) throw notFound(`feature group ${name}`);
    await deleteGroup(name, version, authorizeGroupChange(writer, name, stored.definition, null));
    return new Response(null, { status: 204 });
  });
}
