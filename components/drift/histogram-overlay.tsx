"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { OverlayBin } from "@/lib/drift/overlay";

const percent = (value: unknown) => `${(Number(value) * 100).toFixed(1)} %`;

/** One feature's three distributions over the same bins (shares, so sides of any size compare). */
export function HistogramOverlay({ feature, bins }: { feature: string; bins: OverlayBin[] }) {
  return (
    <div
      role="img"
      aria-label={`${feature}: share of values per bin, training, live and served: ${bins
        .map(
          (bin) =>
            `${bin.label} ${[bin.training, bin.live, bin.served].map((share) => (share === null ? "–" : percent(share))).join(" / ")}`,
        )
        .join("; ")}`}
      className="h-72 w-full"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bins} margin={{ left: 8, right: 16, bottom: 24 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" stroke="currentColor" fontSize={11} angle={-20} textAnchor="end" interval={0} />
          <YAxis tickFormatter={percent} stroke="currentColor" fontSize={11} />
          <Tooltip formatter={percent} />
          <Legend verticalAlign="top" />
          <Bar dataKey="training" name="training (snapshot)" fill="#6366f1" />
          <Bar dataKey="live" name="live (RisingWave)" fill="#14a89e" />
          <Bar dataKey="served" name="served (Redis)" fill="#f59e0b" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
