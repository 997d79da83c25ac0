import type { Dtype } from "../schemas/feature-group";
import { jensenShannonDistance, meanShift, populationStabilityIndex, quantileEdges } from "./metrics";
import { summarizeCategories, summarizeNumbers, type CategoricalSummary, type FeatureSummary, type NumericSummary } from "./summary";
import { levelsFor, type DriftMeasure, type DriftThresholds } from "./thresholds";

export type DriftKind = "numeric" | "age" | "categorical";
export type DriftStatus = "ok" | "warning" | "breach" | "unknown";
export const DRIFT_PAIRS = ["training_live", "training_served", "live_served"] as const;
export type DriftPair = (typeof DRIFT_PAIRS)[number];
export type PairMetrics = {
  /** PSI for numbers and ages, Jensen–Shannon distance for categories; null when a side has no values. */
  distance: number | null;
  nullRateChange: number | null;
  /** In training (or the first side's) standard deviations; numbers only. */
  meanShift: number | null;
  status: DriftStatus;
};
export type FeatureDrift = {
  name: string;
  dtype: Dtype;
  kind: DriftKind;
  /** Bin edges (numbers, ages in seconds) or categories, from the training distribution (else the served sample). */
  edges: number[];
  categories: string[];
  /**
   * live: the whole MV (the aggregate statement); liveSample: the sampled entities' RisingWave values,
   * compared with their Redis values (served) so live↔served measures the same entities, not sampling noise.
   */
  summaries: {
    training: FeatureSummary | null;
    live: FeatureSummary | null;
    liveSample: FeatureSummary | null;
    served: FeatureSummary | null;
  };
  pairs: Record<DriftPair, PairMetrics>;
  status: DriftStatus;
};

/** How a dtype is compared; null: not measured (json, bytes, dates). */
export function driftKind(dtype: Dtype): DriftKind | null {
  if (["int32", "int64", "float32", "float64", "decimal"].includes(dtype)) return "numeric";
  if (dtype === "timestamp") return "age";
  if (dtype === "string" || dtype === "bool") return "categorical";
  return null;
}

const STATUS_RANK: Record<DriftStatus, number> = { breach: 3, warning: 2, unknown: 1, ok: 0 };
export const worstStatus = (statuses: DriftStatus[]): DriftStatus =>
  statuses.reduce<DriftStatus>((worst, status) => (STATUS_RANK[status] > STATUS_RANK[worst] ? status : worst), "ok");

/** A value's level against its measure's thresholds (absolute value). */
export function levelOf(value: number | null, levels: { warning: number; breach: number }): DriftStatus {
  if (value === null || !Number.isFinite(value)) return "unknown";
  const size = Math.abs(value);
  return size >= levels.breach ? "breach" : size >= levels.warning ? "warning" : "ok";
}

const nullRate = (summary: FeatureSummary | null) =>
  summary && summary.count + summary.nulls > 0 ? summary.nulls / (summary.count + summary.nulls) : null;

function categoryCounts(summary: CategoricalSummary): Map<string, number> {
  return new Map([...summary.top, ["\u0000other", summary.other] as [string, number]]);
}

/** One pair's measures and level: the distance, the null-rate change and (numbers) the mean shift. */
export function comparePair(
  first: FeatureSummary | null,
  second: FeatureSummary | null,
  feature: string,
  thresholds: DriftThresholds | null | undefined,
): PairMetrics {
  if (!first || !second || first.count === 0 || second.count === 0)
    return { distance: null, nullRateChange: null, meanShift: null, status: "unknown" };
  const numeric = first.kind === "numeric" && second.kind === "numeric";
  const distance = numeric
    ? populationStabilityIndex((first as NumericSummary).bins, (second as NumericSummary).bins)
    : first.kind === "categorical" && second.kind === "categorical"
      ? jensenShannonDistance(categoryCounts(first), categoryCounts(second))
      : null;
  const firstNulls = nullRate(first);
  const secondNulls = nullRate(second);
  const nullRateChange = firstNulls === null || secondNulls === null ? null : secondNulls - firstNulls;
  const shift = numeric ? meanShift(first as NumericSummary, second as NumericSummary) : null;
  const measure: DriftMeasure = numeric ? "psi" : "js";
  const status = worstStatus([
    levelOf(distance, levelsFor(thresholds, measure, feature)),
    nullRateChange === null ? "ok" : levelOf(nullRateChange, levelsFor(thresholds, "null_rate", feature)),
  ]);
  return { distance, nullRateChange, meanShift: shift, status };
}

/** What the live side (one aggregate statement) measured of a column, as a summary. */
export type LiveColumnStats =
  | { count: number; min: number | null; max: number | null; sum: number | null; sum2: number | null; bins: number[] }
  | { count: number; top: number[] };

export function liveSummary(stats: LiveColumnStats | undefined, rows: number, categories: string[]): FeatureSummary | null {
  if (!stats) return null;
  if ("top" in stats) {
    const top = categories.map((category, index): [string, number] => [category, stats.top[index] ?? 0]);
    return {
      kind: "categorical",
      count: stats.count,
      nulls: rows - stats.count,
      top,
      other: stats.count - top.reduce((sum, [, n]) => sum + n, 0),
    };
  }
  const mean = stats.count > 0 && stats.sum !== null ? stats.sum / stats.count : null;
  const variance = mean !== null && stats.sum2 !== null ? Math.max(0, stats.sum2 / stats.count - mean * mean) : null;
  return {
    kind: "numeric",
    count: stats.count,
    nulls: rows - stats.count,
    min: stats.min,
    max: stats.max,
    mean,
    std: variance === null ? null : Math.sqrt(variance),
    quantiles: null,
    bins: stats.bins,
  };
}

/** Values of one feature as numbers: ages (seconds before `reference`) for timestamps; null for missing or unreadable. */
export function numericValues(values: unknown[], kind: DriftKind, referenceMs: number): (number | null)[] {
  return values.map((value) => {
    if (value === null || value === undefined || value === "") return null;
    if (kind === "age") {
      const ms = value instanceof Date ? value.getTime() : typeof value === "number" ? value : Date.parse(String(value));
      return Number.isFinite(ms) ? (referenceMs - ms) / 1000 : null;
    }
    const number = typeof value === "bigint" ? Number(value) : Number(value);
    return Number.isFinite(number) ? number : null;
  });
}

export const categoricalValues = (values: unknown[]): (string | null)[] =>
  values.map((value) => (value === null || value === undefined ? null : String(value)));

/**
 * The training summary of a feature and the bins (deciles) or categories (top values) the other
 * sides are counted over; without a training snapshot, none: the pairs with training are unknown.
 */
export function trainingPlan(
  kind: DriftKind,
  training: unknown[] | null,
  referenceMs: number,
): { edges: number[]; categories: string[]; training: FeatureSummary | null } {
  if (!training) return { edges: [], categories: [], training: null };
  if (kind === "categorical") {
    const summary = summarizeCategories(categoricalValues(training));
    return { edges: [], categories: summary.top.map(([value]) => value), training: summary };
  }
  const values = numericValues(training, kind, referenceMs);
  const edges = quantileEdges(values.filter((value): value is number => value !== null).sort((a, b) => a - b));
  return { edges, categories: [], training: summarizeNumbers(values, edges) };
}

/** The served side of a feature from the Redis values of the sampled entities. */
export function servedSummary(
  kind: DriftKind,
  values: unknown[],
  nowMs: number,
  edges: number[],
  categories: string[],
): FeatureSummary | null {
  if (values.length === 0) return null;
  return kind === "categorical"
    ? summarizeCategories(categoricalValues(values), categories)
    : summarizeNumbers(numericValues(values, kind, nowMs), edges);
}

/** Every pair of one feature, and its status: the worst pair's. */
export function assessFeature(
  feature: { name: string; dtype: Dtype; kind: DriftKind },
  plan: { edges: number[]; categories: string[] },
  summaries: FeatureDrift["summaries"],
  thresholds: DriftThresholds | null | undefined,
): FeatureDrift {
  const pairs = {
    training_live: comparePair(summaries.training, summaries.live, feature.name, thresholds),
    training_served: comparePair(summaries.training, summaries.served, feature.name, thresholds),
    live_served: comparePair(summaries.liveSample, summaries.served, feature.name, thresholds),
  };
  const known = Object.values(pairs).filter((pair) => pair.status !== "unknown");
  return {
    ...feature,
    ...plan,
    summaries,
    pairs,
    status: known.length === 0 ? "unknown" : worstStatus(known.map((pair) => pair.status)),
  };
}
