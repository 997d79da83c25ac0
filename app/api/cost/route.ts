import { defineRoute } from "@/lib/api/define-route";
import { costView } from "@/lib/cost/view";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  {
    summary: "Monthly cost estimate per group (Redis memory, RisingWave state, archive bytes × price per GB-month), per team and in total.",
    access: "read",
  },
  () => costView(),
);
