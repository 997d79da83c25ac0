import { handle } from "@/lib/http";
import { listColumns, listMaterializedViews } from "@/lib/risingwave/catalog";

export const dynamic = "force-dynamic";

/** MVs that exist in RisingWave; `?columns=<name>` adds that MV's visible columns. */
export function GET(request: Request) {
  return handle(async () => {
    const name = new URL(request.url).searchParams.get("columns");
    if (name) {
      const columns = await listColumns([name]);
      return Response.json({ name, columns: columns.get(name) ?? null });
    }
    return Response.json({ materializedViews: await listMaterializedViews() });
  });
}
