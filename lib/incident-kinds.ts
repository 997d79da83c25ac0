/**
 * An incident's kind: freshness ("breach": the MV is late; "degraded": Redis serves stale values) or
 * "drift" (features breach their drift thresholds). A group has at most one open incident of each family.
 */
export const DRIFT_KIND = "drift";

export const INCIDENT_KIND_LABELS: Record<string, string> = {
  breach: "SLA breach",
  degraded: "serving stale",
  [DRIFT_KIND]: "feature drift",
};
