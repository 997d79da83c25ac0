import { binCounts } from "./metrics";

/** One feature's distribution from one source, as stored and compared. */
export type NumericSummary = {
  kind: "numeric";
  count: number;
  nulls: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
  /** p5, p25, p50, p75, p95. */
  quantiles: number[] | null;
  /** Counts over the training distribution's bins (edges.length + 1 of them). */
  bins: number[];
};
export type CategoricalSummary = {
  kind: "categorical";
  count: number;
  nulls: number;
  /** The most frequent values and their counts, most frequent first; "other" sums the rest. */
  top: [string, number][];
  other: number;
};
export type FeatureSummary = NumericSummary | CategoricalSummary;

export const TOP_VALUES = 10;
const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];

/** The value at fraction `q` of sorted values, interpolated linearly (as numpy's default). */
export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = q * (sorted.length - 1);
  const lower = sorted[Math.floor(position)] as number;
  const upper = sorted[Math.ceil(position)] as number;
  return lower + (upper - lower) * (position - Math.floor(position));
}

/** Count, nulls, range, mean, population deviation, quantiles and bin counts of numbers (null: missing). */
export function summarizeNumbers(values: (number | null)[], edges: number[]): NumericSummary {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value)).sort((a, b) => a - b);
  const count = present.length;
  const mean = count === 0 ? null : present.reduce((sum, value) => sum + value, 0) / count;
  const variance = mean === null ? null : present.reduce((sum, value) => sum + (value - mean) ** 2, 0) / count;
  return {
    kind: "numeric",
    count,
    nulls: values.length - count,
    min: present[0] ?? null,
    max: present[count - 1] ?? null,
    mean,
    std: variance === null ? null : Math.sqrt(variance),
    quantiles: count === 0 ? null : QUANTILES.map((q) => quantile(present, q) as number),
    bins: binCounts(present, edges),
  };
}

/**
 * Categorical values: the `TOP_VALUES` most frequent, or the counts of exactly `categories` (to compare
 * live and served against training's top values) with everything else in "other".
 */
export function summarizeCategories(values: (string | null)[], categories?: string[]): CategoricalSummary {
  const counts = new Map<string, number>();
  let nulls = 0;
  for (const value of values) {
    if (value === null) nulls += 1;
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const count = values.length - nulls;
  const top: [string, number][] = categories
    ? categories.map((category) => [category, counts.get(category) ?? 0])
    : [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP_VALUES);
  return { kind: "categorical", count, nulls, top, other: count - top.reduce((sum, [, n]) => sum + n, 0) };
}
