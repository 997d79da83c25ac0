"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { tickLabel, timeTicks, withGaps } from "@/lib/charts/time-axis";
import { formatDateTime, formatDuration } from "@/lib/format";

export type ChartPoint = { at: number; freshnessSeconds: number | null };
export type BreachPeriod = { from: number; to: number };

/**
 * Freshness over time with the SLA as a line and breach periods shaded, over the whole window
 * with UTC ticks across it and a gap where no sample was taken. Never fetches.
 */
export function FreshnessChart({
  data,
  slaSeconds,
  breaches,
  from,
  to,
}: {
  data: ChartPoint[];
  slaSeconds: number;
  breaches: BreachPeriod[];
  from: number;
  to: number;
}) {
  if (data.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        No samples in this window yet: the collector records one per cycle.
      </p>
    );
  }
  const span = to - from;
  return (
    <div className="h-72 w-full" role="img" aria-label={`Freshness over time against an SLA of ${formatDuration(slaSeconds)}`}>
      <ResponsiveContainer>
        <LineChart data={withGaps(data, (at) => ({ at, freshnessSeconds: null }))} margin={{ top: 10, right: 20, bottom: 0, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis
            dataKey="at"
            type="number"
            domain={[from, to]}
            allowDataOverflow
            scale="time"
            ticks={timeTicks(from, to)}
            tickFormatter={(value: number) => tickLabel(value, span)}
            stroke="currentColor"
            fontSize={11}
          />
          {/* The SLA line is always on the chart, so "how close" reads at a glance. */}
          <YAxis
            tickFormatter={(value: number) => formatDuration(value)}
            allowDecimals={false}
            domain={[0, (dataMax: number) => Math.ceil(Math.max(dataMax, slaSeconds * 1.1))]}
            stroke="currentColor"
            fontSize={11}
            width={64}
          />
          {breaches.map((breach) => (
            <ReferenceArea
              key={breach.from}
              x1={Math.max(breach.from, from)}
              x2={Math.min(breach.to, to)}
              fill="#dc2626"
              fillOpacity={0.15}
              ifOverflow="hidden"
            />
          ))}
          <ReferenceLine
            y={slaSeconds}
            stroke="#dc2626"
            strokeDasharray="6 3"
            label={{ value: `SLA ${formatDuration(slaSeconds)}`, position: "insideTopRight", fill: "#dc2626", fontSize: 11 }}
          />
          <Tooltip
            labelFormatter={(value) => formatDateTime(Number(value))}
            formatter={(value) => [formatDuration(Number(value)), "freshness"]}
          />
          <Line
            type="monotone"
            dataKey="freshnessSeconds"
            stroke="#0d8780"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
