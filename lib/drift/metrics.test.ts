import { describe, expect, it } from "vitest";
import { binCounts, EMPTY_BIN_SHARE, jensenShannonDistance, meanShift, populationStabilityIndex, quantileEdges } from "./metrics";
import { quantile, summarizeCategories, summarizeNumbers } from "./summary";

describe("bins from the training quantiles", () => {
  it("places 9 inner edges at the deciles of 1..11 and counts each bin as (low, high]", () => {
    const values = Array.from({ length: 11 }, (_, index) => index + 1);
    expect(quantileEdges(values, 10)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(binCounts([1, 2, 2.5, 10, 10.5, 11, null, Number.NaN], [2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 1, 2]);
  });

  it("keeps one edge for a single-value distribution, and none for no values", () => {
    expect(quantileEdges([5, 5, 5, 5], 10)).toEqual([5]);
    expect(binCounts([5, 5, 6], [5])).toEqual([2, 1]);
    expect(quantileEdges([], 10)).toEqual([]);
    expect(binCounts([1, 2], [])).toEqual([2]);
  });
});

describe("population stability index", () => {
  it("is 0 for the same shares and Σ (a − e) ln(a / e) otherwise", () => {
    expect(populationStabilityIndex([10, 20, 30], [1, 2, 3])).toBeCloseTo(0, 12);
    // e = (0.5, 0.5), a = (0.9, 0.1): 0.4 ln 1.8 + (−0.4) ln 0.2 = 0.23512 + 0.64378
    expect(populationStabilityIndex([50, 50], [90, 10])).toBeCloseTo(0.4 * Math.log(1.8) - 0.4 * Math.log(0.2), 10);
  });

  it("takes an empty bin as a tiny share instead of dividing by zero, and is null without values", () => {
    const expected = (0.5 - EMPTY_BIN_SHARE) * Math.log(0.5 / EMPTY_BIN_SHARE) + (1 - 0.5) * Math.log(1 / 0.5);
    expect(populationStabilityIndex([0, 10], [5, 5])).toBeCloseTo(expected, 10);
    expect(populationStabilityIndex([0, 0], [5, 5])).toBeNull();
    expect(populationStabilityIndex([1, 1], [0, 0])).toBeNull();
  });
});

describe("Jensen–Shannon distance", () => {
  it("is 0 for the same distribution, 1 for disjoint ones, and √JSD in between", () => {
    const p = new Map([
      ["a", 2],
      ["b", 2],
    ]);
    expect(
      jensenShannonDistance(
        p,
        new Map([
          ["a", 1],
          ["b", 1],
        ]),
      ),
    ).toBeCloseTo(0, 12);
    expect(jensenShannonDistance(new Map([["a", 3]]), new Map([["b", 7]]))).toBeCloseTo(1, 12);
    // p = (1, 0), q = (½, ½): m = (¾, ¼); JSD = ½ log2(4/3) + ½ (½ log2(2/3) + ½ log2 2)
    const divergence = 0.5 * Math.log2(4 / 3) + 0.5 * (0.5 * Math.log2(0.5 / 0.75) + 0.5 * Math.log2(0.5 / 0.25));
    expect(jensenShannonDistance(new Map([["a", 1]]), p)).toBeCloseTo(Math.sqrt(divergence), 12);
    expect(jensenShannonDistance(new Map(), p)).toBeNull();
  });
});

describe("mean shift and summaries", () => {
  it("measures the shift in training standard deviations; a constant training feature moves or does not", () => {
    expect(meanShift({ mean: 10, std: 2 }, { mean: 13 })).toBe(1.5);
    expect(meanShift({ mean: 5, std: 0 }, { mean: 5 })).toBe(0);
    expect(meanShift({ mean: 5, std: 0 }, { mean: 6 })).toBeNull();
    expect(meanShift({ mean: null, std: null }, { mean: 6 })).toBeNull();
  });

  it("summarizes numbers with nulls, population deviation, interpolated quantiles and bins", () => {
    const summary = summarizeNumbers([4, null, 2, 6, null], [3, 5]);
    expect(summary).toMatchObject({ count: 3, nulls: 2, min: 2, max: 6, mean: 4, bins: [1, 1, 1] });
    expect(summary.std).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(summary.quantiles).toEqual([2.2, 3, 4, 5, 5.8]);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(summarizeNumbers([null, null], [1])).toMatchObject({ count: 0, nulls: 2, mean: null, std: null, quantiles: null, bins: [0, 0] });
  });

  it("summarizes categories by their top values, or by the training's categories with the rest as other", () => {
    const values = ["a", "b", "a", null, "c", "a", "b"];
    expect(summarizeCategories(values)).toEqual({
      kind: "categorical",
      count: 6,
      nulls: 1,
      top: [
        ["a", 3],
        ["b", 2],
        ["c", 1],
      ],
      other: 0,
    });
    expect(summarizeCategories(values, ["b", "z"])).toMatchObject({
      top: [
        ["b", 2],
        ["z", 0],
      ],
      other: 4,
    });
  });
});
