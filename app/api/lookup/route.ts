import { handle } from "@/lib/http";
import { lookupEntity } from "@/lib/lookup/lookup";
import { parseLookupQuery } from "@/lib/schemas/lookup";

export const dynamic = "force-dynamic";

/** One entity side by side in RisingWave, Redis and the snapshot archive: `?group=&key=&at=` (or `key.<column>=`). */
export function GET(request: Request) {
  return handle(async () => {
    const query = parseLookupQuery(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await lookupEntity(query.group, query.key, query.at));
  });
}
