import { z } from "zod";
import { handle } from "@/lib/http";
import { loadLineageGraph } from "@/lib/lineage/load";

export const dynamic = "force-dynamic";

const QuerySchema = z.object({ focus: z.string().trim().min(1).max(300).optional() });

/** `{nodes, edges}` of the whole streaming graph, or with `?focus=<name>` its upstream and downstream. */
export function GET(request: Request) {
  return handle(async () => {
    const { focus } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return Response.json(await loadLineageGraph(focus));
  });
}
