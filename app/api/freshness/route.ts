import { handle } from "@/lib/http";
import { buildFreshnessBoard } from "@/lib/observability/board";

export const dynamic = "force-dynamic";

/** Every monitored group's freshness now (the /freshness page polls this). */
export function GET() {
  return handle(async () => Response.json(await buildFreshnessBoard()));
}
