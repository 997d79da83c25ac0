import { z } from "zod";
import { BACKENDS } from "../observability/health";

const BackendHealthSchema = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });

/** The JSON of GET /api/health, parsed again on the client. */
export const HealthReportSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  backends: z.object(
    Object.fromEntries(BACKENDS.map((name) => [name, BackendHealthSchema])) as Record<
      (typeof BACKENDS)[number],
      typeof BackendHealthSchema
    >,
  ),
});
