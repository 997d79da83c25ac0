/**
 * Drift between two distributions of one feature, pure. Numeric features are binned on the training
 * distribution's quantiles and compared with the population stability index; categorical ones with
 * the Jensen–Shannon distance over the training's top values plus "other".
 */

/** A share below this counts as this (PSI's logarithm is undefined for an empty bin). */
export const EMPTY_BIN_SHARE = 1e-4;

/**
 * Bin edges from the training values' quantiles: `bins - 1` inner edges, duplicates dropped (a
 * single-value distribution gives one edge: "at most it" and "above it"). Bin i holds values in
 * (edge[i-1], edge[i]], the first everything ≤ edge[0], the last everything above the last edge.
 */
export function quantileEdges(sortedValues: number[], bins = 10): number[] {
  if (sortedValues.length === 0) return [];
  const edges: number[] = [];
  for (let index = 1; index < bins; index++) {
    const position = (index / bins) * (sortedValues.length - 1);
    const lower = sortedValues[Math.floor(position)] as number;
    const upper = sortedValues[Math.ceil(position)] as number;
    const edge = lower + (upper - lower) * (position - Math.floor(position));
    if (edges.length === 0 || edge > (edges[edges.length - 1] as number)) edges.push(edge);
  }
  return edges;
}

/** How many values fall in each bin of `edges` (edges.length + 1 bins); nulls and NaN are not counted. */
export function binCounts(values: Iterable<number | null>, edges: number[]): number[] {
  const counts = Array.from({ length: edges.length + 1 }, () => 0);
  for (const value of values) {
    if (value === null || Number.isNaN(value)) continue;
    let bin = 0;
    // Binary search: the first edge ≥ value.
    let high = edges.length;
    while (bin < high) {
      const middle = (bin + high) >> 1;
      if ((edges[middle] as number) < value) bin = middle + 1;
      else high = middle;
    }
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts;
}

const shares = (counts: number[]) => {
  const total = counts.reduce((sum, count) => sum + count, 0);
  return total === 0 ? null : counts.map((count) => count / total);
};

/**
 * Population stability index of `actual` against `expected` (counts over the same bins):
 * Σ (a − e) · ln(a / e) over shares, an empty bin taken as EMPTY_BIN_SHARE. 0 for identical
 * distributions; null when either side has no values.
 */
export function populationStabilityIndex(expected: number[], actual: number[]): number | null {
  const e = shares(expected);
  const a = shares(actual);
  if (!e || !a || e.length !== a.length) return null;
  let psi = 0;
  for (let index = 0; index < e.length; index++) {
    const expectedShare = Math.max(e[index] as number, EMPTY_BIN_SHARE);
    const actualShare = Math.max(a[index] as number, EMPTY_BIN_SHARE);
    psi += (actualShare - expectedShare) * Math.log(actualShare / expectedShare);
  }
  return psi;
}

/**
 * Jensen–Shannon distance (the square root of the divergence, base-2 logarithms): 0 for identical
 * distributions, 1 for disjoint ones; null when either side has no values. Keys absent on one side count 0.
 */
export function jensenShannonDistance(p: Map<string, number>, q: Map<string, number>): number | null {
  const keys = [...new Set([...p.keys(), ...q.keys()])];
  const ps = shares(keys.map((key) => p.get(key) ?? 0));
  const qs = shares(keys.map((key) => q.get(key) ?? 0));
  if (!ps || !qs) return null;
  let divergence = 0;
  for (let index = 0; index < keys.length; index++) {
    const pi = ps[index] as number;
    const qi = qs[index] as number;
    const mi = (pi + qi) / 2;
    if (pi > 0) divergence += 0.5 * pi * Math.log2(pi / mi);
    if (qi > 0) divergence += 0.5 * qi * Math.log2(qi / mi);
  }
  return Math.sqrt(Math.max(0, Math.min(1, divergence)));
}

/**
 * How far the other mean moved, in training standard deviations. A constant training feature
 * (deviation 0) gives 0 when the means agree and null (not measurable) when they do not.
 */
export function meanShift(training: { mean: number | null; std: number | null }, other: { mean: number | null }): number | null {
  if (training.mean === null || other.mean === null || training.std === null) return null;
  const difference = other.mean - training.mean;
  if (training.std === 0) return difference === 0 ? 0 : null;
  return difference / training.std;
}
