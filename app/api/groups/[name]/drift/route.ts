import { defineRoute } from "@/lib/api/define-route";
import { groupDriftView } from "@/lib/drift/views";
import { GroupPathSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary:
      "A group's latest drift measurement (every feature's training/live/served pairs and the key-by-key parity) and 30 days of statuses.",
    access: "read",
    params: GroupPathSchema,
  },
  ({ params: { name } }) => groupDriftView(name),
);
