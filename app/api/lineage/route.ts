import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { loadLineageGraph } from "@/lib/lineage/load";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary: "`{nodes, edges}` of the whole streaming graph, or with ?focus=<name> its upstream and downstream.",
    access: "read",
    query: z.object({ focus: z.string().trim().min(1).max(300).optional() }),
  },
  ({ query }) => loadLineageGraph(query.focus),
);
