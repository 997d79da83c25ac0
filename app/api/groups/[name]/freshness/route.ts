import { notFound } from "@/lib/errors";
import { handle } from "@/lib/http";
import { getGroup } from "@/lib/registry/groups";
import { loadFreshnessHistory } from "@/lib/registry/samples";
import { WINDOWS, WindowSchema } from "@/lib/schemas/freshness";

export const dynamic = "force-dynamic";

/** A group's freshness history over ?window=1h|24h|7d, with its SLA and incidents. */
export function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  return handle(async () => {
    const { name } = await params;
    const window = WindowSchema.parse(new URL(request.url).searchParams.get("window") ?? undefined);
    const group = await getGroup(name);
    if (!group) throw notFound(`feature group ${name}`);
    const { series, incidents } = await loadFreshnessHistory(name, WINDOWS[window]);
    return Response.json({ name, window, slaSeconds: group.definition.freshness_sla_seconds, series, incidents });
  });
}
