import { handle } from "@/lib/http";
import { latestRedisStats } from "@/lib/observability/redis-collector";

export const dynamic = "force-dynamic";

/** The collector's last Redis walk: server figures and per-group key stats (`stats: null` before the first walk). */
export function GET() {
  return handle(async () => Response.json(latestRedisStats()));
}
