import type { FeatureDrift } from "./assess";
import type { FeatureSummary } from "./summary";

export type OverlayBin = { label: string; training: number | null; live: number | null; served: number | null };

const round = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : Number(value.toPrecision(3)).toString());

function counts(summary: FeatureSummary | null, size: number): number[] | null {
  if (!summary) return null;
  if (summary.kind === "numeric") return summary.bins.length === size ? summary.bins : null;
  return [...summary.top.map(([, count]) => count), summary.other];
}

function shares(values: number[] | null): (number | null)[] | null {
  if (!values) return null;
  const total = values.reduce((sum, value) => sum + value, 0);
  return values.map((value) => (total === 0 ? null : value / total));
}

/** A feature's three distributions as shares over one set of bins: the histogram overlay's data. */
export function overlayBins(feature: FeatureDrift): OverlayBin[] {
  const unit = feature.kind === "age" ? " s old" : "";
  const labels =
    feature.kind === "categorical"
      ? [...feature.categories, "other"]
      : feature.edges.length === 0
        ? ["all"]
        : [
            `≤ ${round(feature.edges[0] as number)}${unit}`,
            ...feature.edges.slice(1).map((edge, index) => `${round(feature.edges[index] as number)}–${round(edge)}${unit}`),
            `> ${round(feature.edges[feature.edges.length - 1] as number)}${unit}`,
          ];
  const [training, live, served] = [feature.summaries.training, feature.summaries.live, feature.summaries.served].map((summary) =>
    shares(counts(summary, labels.length)),
  );
  return labels.map((label, index) => ({
    label,
    training: training?.[index] ?? null,
    live: live?.[index] ?? null,
    served: served?.[index] ?? null,
  }));
}
