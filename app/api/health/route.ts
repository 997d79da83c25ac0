import { backendProbes } from "@/lib/observability/backend-probes";
import { checkHealth } from "@/lib/observability/health";

export const dynamic = "force-dynamic";

/** Always 200: the body says which backends are down ("degraded"), so load balancers keep the UI up. */
export async function GET() {
  const report = await checkHealth(backendProbes());
  return Response.json(report);
}
