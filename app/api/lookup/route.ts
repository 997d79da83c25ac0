import { defineRoute } from "@/lib/api/define-route";
import { lookupEntity } from "@/lib/lookup/lookup";
import { LookupQuerySchema, parseLookupQuery } from "@/lib/schemas/lookup";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary: "One entity side by side in RisingWave, Redis and the archive: ?group=&key=&at= (key.<column>= for composite keys).",
    access: "read",
    query: LookupQuerySchema,
  },
  // key.<column> parameters are read from the raw query (the schema validates group, key and at).
  async ({ request }) => {
    const query = parseLookupQuery(Object.fromEntries(new URL(request.url).searchParams));
    return lookupEntity(query.group, query.key, query.at);
  },
);
