import Link from "next/link";
import { TableHead } from "@/components/ui/table-head";
import type { FeatureDrift, PairMetrics } from "@/lib/drift/assess";
import type { DriftPoint } from "@/lib/registry/drift-runs";
import { DriftStatusBadge } from "./drift-status";
import { Sparkline } from "./sparkline";

const number = (value: number | null, digits = 3) => (value === null || !Number.isFinite(value) ? "–" : value.toFixed(digits));

function Pair({ pair }: { pair: PairMetrics }) {
  return (
    <td
      className="px-2 py-1 text-right tabular-nums"
      title={`null-rate change ${number(pair.nullRateChange)}, mean shift ${number(pair.meanShift, 2)} σ`}
    >
      <span className="mr-1">{number(pair.distance)}</span>
      <DriftStatusBadge status={pair.status} />
    </td>
  );
}

/** One row per feature: the three pairs (PSI or Jensen–Shannon), the status and the training↔live trend. */
export function DriftTable({
  group,
  features,
  history,
  selected,
}: {
  group: string;
  features: FeatureDrift[];
  history: DriftPoint[];
  selected: string | null;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Drift per feature: distance between training, live and served, and its level</caption>
        <TableHead
          columns={[
            "Feature",
            "Measure",
            "Status",
            { label: "Training ↔ live", align: "right" },
            { label: "Training ↔ served", align: "right" },
            { label: "Live ↔ served", align: "right" },
            { label: "Mean shift (σ)", align: "right" },
            "Training ↔ live, 30 days",
          ]}
        />
        <tbody>
          {features.map((feature) => (
            <tr
              key={feature.name}
              data-feature={feature.name}
              data-status={feature.status}
              className={`border-t border-slate-200 dark:border-slate-800 ${feature.name === selected ? "bg-teal-50 dark:bg-teal-950/40" : ""}`}
            >
              <th scope="row" className="px-2 py-1 text-left font-medium">
                <Link
                  href={`/groups/${group}/drift?feature=${encodeURIComponent(feature.name)}`}
                  className="underline-offset-2 hover:underline"
                  aria-current={feature.name === selected ? "true" : undefined}
                >
                  {feature.name}
                </Link>
                <span className="ml-1 text-xs text-slate-500">{feature.dtype}</span>
              </th>
              <td className="px-2 py-1 text-xs text-slate-600 dark:text-slate-400">
                {feature.kind === "categorical" ? "Jensen–Shannon" : "PSI"}
              </td>
              <td className="px-2 py-1">
                <DriftStatusBadge status={feature.status} />
              </td>
              <Pair pair={feature.pairs.training_live} />
              <Pair pair={feature.pairs.training_served} />
              <Pair pair={feature.pairs.live_served} />
              <td className="px-2 py-1 text-right tabular-nums">{number(feature.pairs.training_live.meanShift, 2)}</td>
              <td className="px-2 py-1">
                <Sparkline
                  values={history.map((point) => point.features[feature.name]?.distance ?? null)}
                  label={`${feature.name}: training to live distance over the last 30 days`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
