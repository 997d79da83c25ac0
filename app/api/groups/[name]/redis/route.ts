import { notFound } from "@/lib/errors";
import { handle } from "@/lib/http";
import { latestRedisStats } from "@/lib/observability/redis-collector";
import { getGroup } from "@/lib/registry/groups";

export const dynamic = "force-dynamic";

/** One group's Redis key stats from the collector's last walk, with the walk's own figures. */
export function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  return handle(async () => {
    const { name } = await params;
    if (!(await getGroup(name))) throw notFound(`Feature group ${name}`);
    const { stats, error } = latestRedisStats();
    const group = stats?.groups.find((entry) => entry.group === name) ?? null;
    return Response.json({ group, collectedAt: stats?.collectedAt ?? null, scan: stats?.scan ?? null, error });
  });
}
