import { handle } from "@/lib/http";
import { ServingPathSchema, pathKey } from "@/lib/schemas/serving";
import { serveFeatures } from "@/lib/serving/serve";

export const dynamic = "force-dynamic";

/** The online feature vector of one entity: Redis first, RisingWave on a miss (and the cache is filled). */
export function GET(_request: Request, { params }: { params: Promise<{ group: string; key: string }> }) {
  return handle(async () => {
    const { group, key } = ServingPathSchema.parse(await params);
    return Response.json(await serveFeatures(group, pathKey(key)));
  });
}
