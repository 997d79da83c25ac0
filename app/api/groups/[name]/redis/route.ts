import { defineRoute } from "@/lib/api/define-route";
import { notFound } from "@/lib/errors";
import { latestRedisStats } from "@/lib/observability/redis-collector";
import { getGroup } from "@/lib/registry/groups";
import { GroupPathSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary: "One group's Redis key stats from the collector's last walk, with the walk's own figures.",
    access: "read",
    params: GroupPathSchema,
  },
  async ({ params: { name } }) => {
    if (!(await getGroup(name))) throw notFound(`Feature group ${name}`);
    const { stats, failure } = latestRedisStats();
    const group = stats?.groups.find((entry) => entry.group === name) ?? null;
    return { group, collectedAt: stats?.collectedAt ?? null, scan: stats?.scan ?? null, failure };
  },
);
