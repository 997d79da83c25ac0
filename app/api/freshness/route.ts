import { defineRoute } from "@/lib/api/define-route";
import { sharedFreshnessBoard } from "@/lib/observability/board";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ summary: "Every monitored group's freshness now (the /freshness page polls this).", access: "read" }, () =>
  sharedFreshnessBoard(),
);
