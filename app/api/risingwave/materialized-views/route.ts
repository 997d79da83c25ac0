import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { listColumns, listMaterializedViews } from "@/lib/risingwave/catalog";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary: "The materialized views in RisingWave; ?columns=<name> gives that MV's visible columns instead.",
    access: "read",
    query: z.object({ columns: z.string().max(300).optional() }),
  },
  async ({ query: { columns: name } }) => {
    if (!name) return { materializedViews: await listMaterializedViews() };
    return { name, columns: (await listColumns([name])).get(name) ?? null };
  },
);
