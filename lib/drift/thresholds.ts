import { z } from "zod";

/** Warning and breach levels of one drift measure. */
const Levels = z
  .object({ warning: z.number().nonnegative(), breach: z.number().nonnegative() })
  .refine((levels) => levels.breach >= levels.warning, { message: "breach must be at least warning" });

/**
 * The YAML `drift:` block of a group: each measure's levels for the whole group, and per feature.
 * psi: population stability index (numbers); js: Jensen–Shannon distance (categories); null_rate:
 * the change in the share of nulls; mismatch: the share of sampled entities whose Redis value differs
 * from RisingWave's.
 */
const MeasureLevels = z
  .object({ psi: Levels.optional(), js: Levels.optional(), null_rate: Levels.optional(), mismatch: Levels.optional() })
  .strict();
export const DriftThresholdsSchema = MeasureLevels.extend({ features: z.record(z.string(), MeasureLevels).optional() }).strict();
export type DriftThresholds = z.infer<typeof DriftThresholdsSchema>;
export type DriftMeasure = "psi" | "js" | "null_rate" | "mismatch";

/** Defaults, documented in the README: PSI 0.1 / 0.25 as the industry reads it, the rest alike. */
export const DRIFT_DEFAULTS: Record<DriftMeasure, { warning: number; breach: number }> = {
  psi: { warning: 0.1, breach: 0.25 },
  js: { warning: 0.1, breach: 0.2 },
  null_rate: { warning: 0.05, breach: 0.2 },
  mismatch: { warning: 0.05, breach: 0.2 },
};

/** The levels in force for a measure of a feature: the feature's, else the group's, else the default. */
export function levelsFor(thresholds: DriftThresholds | null | undefined, measure: DriftMeasure, feature?: string) {
  return (feature ? thresholds?.features?.[feature]?.[measure] : undefined) ?? thresholds?.[measure] ?? DRIFT_DEFAULTS[measure];
}
