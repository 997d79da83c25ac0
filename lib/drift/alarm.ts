import { DRIFT_PAIRS, levelOf, type DriftPair } from "./assess";
import type { GroupDrift } from "./measure";
import { levelsFor, type DriftMeasure, type DriftThresholds } from "./thresholds";

/** One measure past its breach level: a feature's pair, or the group's key-by-key parity. */
export type DriftFinding = { feature: string | null; pair: DriftPair | "parity"; measure: DriftMeasure; value: number };

export const PAIR_LABELS: Record<DriftPair, string> = {
  training_live: "training↔live",
  training_served: "training↔served",
  live_served: "live↔served",
};
const MEASURE_LABELS: Record<DriftMeasure, string> = { psi: "PSI", js: "JS distance", null_rate: "null rate change", mismatch: "mismatch" };
const MAX_NAMED = 3;

/**
 * Why a group is in breach: for each breaching feature its largest breaching measure (over the three
 * pairs), then the parity's mismatch rate when it breaches. Largest first.
 */
export function breachFindings(drift: GroupDrift, thresholds: DriftThresholds | null | undefined): DriftFinding[] {
  const findings: DriftFinding[] = [];
  for (const feature of drift.features) {
    if (feature.status !== "breach") continue;
    const distanceMeasure: DriftMeasure = feature.kind === "categorical" ? "js" : "psi";
    const candidates = DRIFT_PAIRS.flatMap((pair) =>
      (
        [
          [distanceMeasure, feature.pairs[pair].distance],
          ["null_rate", feature.pairs[pair].nullRateChange],
        ] as [DriftMeasure, number | null][]
      ).flatMap(([measure, value]): DriftFinding[] =>
        value !== null && levelOf(value, levelsFor(thresholds, measure, feature.name)) === "breach"
          ? [{ feature: feature.name, pair, measure, value }]
          : [],
      ),
    );
    const worst = candidates.sort((a, b) => Math.abs(b.value) - Math.abs(a.value))[0];
    if (worst) findings.push(worst);
  }
  findings.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  if (drift.parity.status === "breach" && drift.parity.mismatchRate !== null)
    findings.push({ feature: null, pair: "parity", measure: "mismatch", value: drift.parity.mismatchRate });
  return findings;
}

const percent = (value: number) => `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;

/** A finding in words: "purchase_count_1h: PSI 2.31 (training↔live)". */
export function describeFinding(finding: DriftFinding): string {
  if (finding.pair === "parity") return `Redis differs from RisingWave for ${percent(finding.value)} of sampled entities`;
  const value = finding.measure === "null_rate" ? `${finding.value > 0 ? "+" : ""}${percent(finding.value)}` : finding.value.toFixed(2);
  return `${finding.feature}: ${MEASURE_LABELS[finding.measure]} ${value} (${PAIR_LABELS[finding.pair]})`;
}

/** The findings in one line, the first few named and the rest counted. */
export function describeFindings(findings: DriftFinding[]): string {
  const named = findings.slice(0, MAX_NAMED).map(describeFinding);
  const more = findings.length - named.length;
  return more > 0 ? `${named.join("; ")}; and ${more} more` : named.join("; ");
}
