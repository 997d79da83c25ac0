import { defineRoute } from "@/lib/api/define-route";
import { costCsv } from "@/lib/cost/estimate";
import { costView } from "@/lib/cost/view";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  { summary: "The per-group cost estimate as CSV, largest first.", access: "read", responds: "csv" },
  async () =>
    new Response(costCsv(await costView()), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="tideline-cost.csv"' },
    }),
);
