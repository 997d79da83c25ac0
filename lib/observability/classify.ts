/**
 * How a group stands against its freshness SLA, worst first. "degraded": the MV is fresh but a
 * Redis sink fails, so what the model reads is going stale ("serving stale").
 */
export const FRESHNESS_STATUSES = ["breach", "degraded", "warning", "unknown", "ok"] as const;
export type FreshnessStatus = (typeof FRESHNESS_STATUSES)[number];

/** What each status is called on screen and in alerts. */
export const STATUS_LABEL: Record<FreshnessStatus, string> = {
  breach: "breach",
  degraded: "serving stale",
  warning: "warning",
  unknown: "unknown",
  ok: "ok",
};

/** Warning starts at 80% of the SLA. */
export const WARNING_RATIO = 0.8;
/** A status is left only 10% of the SLA below where it was entered, so a group at the limit doesn't flap. */
export const HYSTERESIS_RATIO = 0.1;

/**
 * Pure classification with hysteresis, from the MV's freshness alone (never "degraded"). `freshnessSeconds` null means it could not be measured
 * (RisingWave unreachable, MV missing): unknown, never ok.
 */
export function classifyFreshness(
  freshnessSeconds: number | null,
  slaSeconds: number,
  previous: FreshnessStatus | null = null,
): FreshnessStatus {
  if (freshnessSeconds === null || !Number.isFinite(freshnessSeconds)) return "unknown";
  const ratio = freshnessSeconds / slaSeconds;
  if (ratio > 1) return "breach";
  if (previous === "breach" && ratio > 1 - HYSTERESIS_RATIO) return "breach";
  if (ratio >= WARNING_RATIO) return "warning";
  if ((previous === "warning" || previous === "breach") && ratio >= WARNING_RATIO - HYSTERESIS_RATIO) return "warning";
  return "ok";
}

/** Severity order for sorting: breach first. */
export const severityRank = (status: FreshnessStatus) => FRESHNESS_STATUSES.indexOf(status);
