import { defineRoute } from "@/lib/api/define-route";
import { latestDriftOverview } from "@/lib/drift/views";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  { summary: "Every group's latest drift status, worst features and parity (the latest cycle).", access: "read" },
  () => latestDriftOverview(),
);
