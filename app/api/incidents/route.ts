import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { listIncidents } from "@/lib/registry/incidents";

export const dynamic = "force-dynamic";

const IncidentQuerySchema = z.object({
  open: z.string().max(10).optional().describe("1 or true: only incidents still open"),
  group: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(200).describe("at most this many, newest first"),
});

export const GET = defineRoute(
  {
    summary: "Incidents, newest first; ?open=1 for the ones still breaching, ?group= for one group.",
    access: "read",
    query: IncidentQuerySchema,
  },
  async ({ query }) => ({
    incidents: await listIncidents({ openOnly: ["1", "true"].includes(query.open ?? ""), groupName: query.group, limit: query.limit }),
  }),
);
