import { defineRoute } from "@/lib/api/define-route";
import { latestRedisStats } from "@/lib/observability/redis-collector";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary: "The collector's last Redis walk: server figures and per-group key stats (stats: null before the first walk).",
    access: "read",
  },
  async () => latestRedisStats(),
);
