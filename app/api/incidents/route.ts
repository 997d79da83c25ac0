import { handle } from "@/lib/http";
import { listIncidents } from "@/lib/registry/incidents";

export const dynamic = "force-dynamic";

/** Incidents, newest first; ?open=1 for the ones still breaching, ?group= for one group. */
export function GET(request: Request) {
  return handle(async () => {
    const params = new URL(request.url).searchParams;
    const incidents = await listIncidents({
      openOnly: ["1", "true"].includes(params.get("open") ?? ""),
      groupName: params.get("group") ?? undefined,
      limit: 200,
    });
    return Response.json({ incidents });
  });
}
