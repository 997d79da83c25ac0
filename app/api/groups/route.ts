import { authorizeGroupChange, writerOf } from "@/lib/auth/guard";
import { handle, readJson } from "@/lib/http";
import { assertCacheTemplatesFreeOfSinks } from "@/lib/registry/cache-keys";
import { createGroup } from "@/lib/registry/groups";
import { searchCatalog } from "@/lib/registry/search";
import { CatalogQuerySchema } from "@/lib/schemas/catalog-query";
import { FeatureGroupSchema } from "@/lib/schemas/feature-group";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handle(async () => {
    const query = CatalogQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await searchCatalog(query));
  });
}

export function POST(request: Request) {
  return handle(async () => {
    const writer = await writerOf(request);
    const definition = await readJson(request, FeatureGroupSchema);
    await assertCacheTemplatesFreeOfSinks([definition]);
    return Response.json(await createGroup(definition, authorizeGroupChange(writer, definition.name, null, definition)), { status: 201 });
  });
}
