import { defineRoute } from "@/lib/api/define-route";
import { ServingPathSchema, pathKey } from "@/lib/schemas/serving";
import { serveFeatures } from "@/lib/serving/serve";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary: "The online feature vector of one entity: Redis first, RisingWave on a miss (the serving cache is then filled).",
    access: "read",
    params: ServingPathSchema,
  },
  ({ params }) => serveFeatures(params.group, pathKey(params.key)),
);
