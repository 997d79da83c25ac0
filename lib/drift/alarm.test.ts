import { describe, expect, it } from "vitest";
import { breachFindings, describeFindings } from "./alarm";
import type { FeatureDrift, PairMetrics } from "./assess";
import type { GroupDrift } from "./measure";

const pair = (distance: number | null, nullRateChange: number | null = 0): PairMetrics => ({
  distance,
  nullRateChange,
  meanShift: null,
  status: "ok", // breachFindings levels each measure itself
});
const feature = (
  name: string,
  kind: FeatureDrift["kind"],
  pairs: [PairMetrics, PairMetrics, PairMetrics],
  status: FeatureDrift["status"],
) =>
  ({
    name,
    kind,
    dtype: kind === "categorical" ? "string" : "int64",
    edges: [],
    categories: [],
    summaries: { training: null, live: null, liveSample: null, served: null },
    pairs: { training_live: pairs[0], training_served: pairs[1], live_served: pairs[2] },
    status,
  }) as FeatureDrift;
const group = (features: FeatureDrift[], mismatchRate: number | null, parityStatus: GroupDrift["status"]) =>
  ({
    group: "g",
    measuredAt: "2026-12-06T10:00:00Z",
    status: "breach",
    training: null,
    live: null,
    features,
    parity: { sampled: 100, mismatched: 0, mismatchRate, byFeature: {}, examples: [], status: parityStatus },
    problems: [],
    risingwaveStatements: 1,
  }) as GroupDrift;

describe("drift findings", () => {
  it("names each breaching feature's largest breaching measure, largest first, then the parity", () => {
    const drift = group(
      [
        feature("purchases", "numeric", [pair(2.31), pair(0.3), pair(0.01)], "breach"),
        feature("quiet", "numeric", [pair(0.2), pair(0.2), pair(0.2)], "warning"),
        feature("country", "categorical", [pair(0.05, 0.35), pair(0.22), pair(0)], "breach"),
      ],
      0.34,
      "breach",
    );
    expect(breachFindings(drift, null)).toEqual([
      { feature: "purchases", pair: "training_live", measure: "psi", value: 2.31 },
      { feature: "country", pair: "training_live", measure: "null_rate", value: 0.35 },
      { feature: null, pair: "parity", measure: "mismatch", value: 0.34 },
    ]);
    expect(describeFindings(breachFindings(drift, null))).toBe(
      "purchases: PSI 2.31 (training↔live); country: null rate change +35% (training↔live); Redis differs from RisingWave for 34% of sampled entities",
    );
  });

  it("levels with the group's thresholds: a raised PSI breach leaves the feature out", () => {
    const drift = group([feature("purchases", "numeric", [pair(0.4), pair(null, null), pair(0)], "breach")], 0.01, "ok");
    expect(breachFindings(drift, { psi: { warning: 0.3, breach: 0.5 } })).toEqual([]);
    expect(breachFindings(drift, { features: { purchases: { psi: { warning: 0.1, breach: 0.3 } } } })).toHaveLength(1);
  });

  it("names three and counts the rest", () => {
    const drift = group(
      ["a", "b", "c", "d", "e"].map((name, index) => feature(name, "categorical", [pair(0.9 - index / 10), pair(0), pair(0)], "breach")),
      null,
      "unknown",
    );
    expect(describeFindings(breachFindings(drift, null))).toBe(
      "a: JS distance 0.90 (training↔live); b: JS distance 0.80 (training↔live); c: JS distance 0.70 (training↔live); and 2 more",
    );
  });
});
