import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { loadRelationDetail } from "@/lib/lineage/load";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary: "One relation's CREATE statement and WITH options, credentials masked.",
    access: "read",
    params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }),
  },
  ({ params }) => loadRelationDetail(params.id),
);
