import { defineRoute } from "@/lib/api/define-route";
import { groupAdviceView } from "@/lib/observability/advice-view";
import { GroupPathSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary: "One group's TTL advice (TTL against the SLA, cache keys without TTL, sink keys left behind), from the last key walk.",
    access: "read",
    params: GroupPathSchema,
  },
  ({ params: { name } }) => groupAdviceView(name),
);
