import { describe, expect, it } from "vitest";
import { assessFeature, comparePair, levelOf, liveSummary, numericValues, servedSummary, trainingPlan } from "./assess";
import { overlayBins } from "./overlay";

describe("drift assessment", () => {
  it("levels a value against warning and breach, by its size", () => {
    const levels = { warning: 0.1, breach: 0.25 };
    expect([0.05, 0.1, -0.2, 0.25, null].map((value) => levelOf(value, levels))).toEqual(["ok", "warning", "warning", "breach", "unknown"]);
  });

  it("turns the live statement's sums into mean and population deviation, and its counts into nulls", () => {
    // Values 2, 4, 6 and two nulls: sum 12, sum of squares 56.
    const numeric = liveSummary({ count: 3, min: 2, max: 6, sum: 12, sum2: 56, bins: [1, 1, 1] }, 5, []);
    expect(numeric).toMatchObject({ kind: "numeric", count: 3, nulls: 2, min: 2, max: 6, mean: 4, quantiles: null, bins: [1, 1, 1] });
    expect(numeric?.kind === "numeric" ? numeric.std : null).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(liveSummary({ count: 4, top: [3, 0] }, 4, ["a", "b"])).toEqual({
      kind: "categorical",
      count: 4,
      nulls: 0,
      top: [
        ["a", 3],
        ["b", 0],
      ],
      other: 1,
    });
    expect(liveSummary(undefined, 4, [])).toBeNull();
  });

  it("reads timestamps as ages before the reference time", () => {
    const reference = Date.parse("2026-11-29T12:00:00Z");
    expect(numericValues([new Date(reference - 5_000), "2026-11-29T11:59:00Z", null, "x"], "age", reference)).toEqual([5, 60, null, null]);
  });

  it("bins live and served on the training's quantiles, and breaches a feature that moved", () => {
    const training = Array.from({ length: 100 }, (_, index) => index);
    const plan = trainingPlan("numeric", training, 0);
    expect(plan.edges).toHaveLength(9);
    const moved = servedSummary(
      "numeric",
      training.map((value) => value + 80),
      0,
      plan.edges,
      [],
    );
    const same = servedSummary("numeric", training, 0, plan.edges, []);
    const feature = assessFeature(
      { name: "x", dtype: "int64", kind: "numeric" },
      plan,
      { training: plan.training, live: same, liveSample: same, served: moved },
      null,
    );
    expect(feature.pairs.training_live).toMatchObject({ distance: 0, status: "ok", meanShift: 0 });
    expect(feature.pairs.training_served.status).toBe("breach");
    expect(feature.pairs.live_served.status).toBe("breach");
    expect(feature.status).toBe("breach");
  });

  it("compares categories with Jensen–Shannon, flags a null-rate jump, and is unknown without values", () => {
    const plan = trainingPlan("categorical", ["a", "a", "b", null], 0);
    expect(plan.categories).toEqual(["a", "b"]);
    const served = servedSummary("categorical", ["a", null, null, null], 0, [], plan.categories);
    const pair = comparePair(plan.training, served, "c", null);
    expect(pair.nullRateChange).toBeCloseTo(0.5, 12);
    expect(pair.status).toBe("breach");
    expect(comparePair(plan.training, null, "c", null).status).toBe("unknown");
    // A feature's own thresholds win over the defaults.
    const relaxed = { warning: 0.9, breach: 1 };
    expect(comparePair(plan.training, served, "c", { features: { c: { js: relaxed, null_rate: relaxed } } }).status).toBe("ok");
    expect(comparePair(plan.training, served, "other", { features: { c: { js: relaxed, null_rate: relaxed } } }).status).toBe("breach");
  });

  it("lays the three sides over the same bins as shares for the overlay", () => {
    const plan = trainingPlan("numeric", [1, 2, 3, 4], 0);
    const feature = assessFeature(
      { name: "x", dtype: "int64", kind: "numeric" },
      plan,
      { training: plan.training, live: null, liveSample: null, served: servedSummary("numeric", [4, 4], 0, plan.edges, []) },
      null,
    );
    const bins = overlayBins(feature);
    expect(bins).toHaveLength(plan.edges.length + 1);
    expect(bins.reduce((sum, bin) => sum + (bin.training ?? 0), 0)).toBeCloseTo(1, 12);
    expect(bins.every((bin) => bin.live === null)).toBe(true);
    expect(bins[bins.length - 1]?.served).toBe(1);
  });
});
