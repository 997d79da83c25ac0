import { FreshnessChart } from "@/components/charts/freshness-chart";
import type { loadFreshnessHistory } from "@/lib/registry/samples";

type History = Awaited<ReturnType<typeof loadFreshnessHistory>>;

/** A group's freshness history (samples and incidents) drawn against its SLA: the one mapping of history to chart. */
export function FreshnessHistoryChart({ history, slaSeconds }: { history: History; slaSeconds: number }) {
  const { now, from, series, incidents } = history;
  return (
    <FreshnessChart
      data={series.map((point) => ({ at: point.at.getTime(), freshnessSeconds: point.freshnessSeconds }))}
      slaSeconds={slaSeconds}
      breaches={incidents.map((incident) => ({ from: incident.openedAt.getTime(), to: incident.closedAt?.getTime() ?? now }))}
      from={from}
      to={now}
    />
  );
}
