import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { notFound } from "@/lib/errors";
import { getGroup } from "@/lib/registry/groups";
import { loadFreshnessHistory } from "@/lib/registry/samples";
import { GroupPathSchema } from "@/lib/schemas/api";
import { WINDOWS, WindowSchema } from "@/lib/schemas/freshness";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary: "A group's freshness history over ?window=1h|24h|7d, with its SLA and incidents.",
    access: "read",
    params: GroupPathSchema,
    query: z.object({ window: WindowSchema }),
  },
  async ({ params: { name }, query: { window } }) => {
    const group = await getGroup(name);
    if (!group) throw notFound(`feature group ${name}`);
    const { series, incidents } = await loadFreshnessHistory(name, WINDOWS[window]);
    return { name, window, slaSeconds: group.definition.freshness_sla_seconds, series, incidents };
  },
);
