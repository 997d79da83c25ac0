import { currentActor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { handle, readJson } from "@/lib/http";
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
    const { version, definition } = await readJson(request, GroupUpdateSchema);
    return Response.json(await updateGroup(name, definition, version, await currentActor()));
  });
}

/** DELETE /api/groups/{name}?version=N: the version guards against deleting what someone just changed. */
export function DELETE(request: Request, { params }: Context) {
  return handle(async () => {
    const { name } = await params;
    const raw = new URL(request.url).searchParams.get("version");
    const version = raw === null ? null : Number(raw);
    if (version !== null && !Number.isInteger(version)) throw new AppError(422, "version must be an integer", [{ path: "version", message: "not an integer" }]);
    await deleteGroup(name, version, await currentActor());
    return new Response(null, { status: 204 });
  });
}
