import { defineRoute } from "@/lib/api/define-route";
import { backendProbes } from "@/lib/observability/backend-probes";
import { checkHealth } from "@/lib/observability/health";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary: "Always 200: the body says which backends are down (status degraded), so load balancers keep the UI up.",
    access: "public",
  },
  () => checkHealth(backendProbes()),
);
