"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatBytes } from "@/lib/format";

/** Memory by group, largest first (top 20: a bar per group stays readable). */
export function MemoryChart({ data }: { data: { group: string; memoryBytes: number }[] }) {
  const top = [...data].sort((a, b) => b.memoryBytes - a.memoryBytes).slice(0, 20);
  return (
    <div
      role="img"
      aria-label={`Redis memory by feature group: ${top.map((entry) => `${entry.group} ${formatBytes(entry.memoryBytes)}`).join(", ")}`}
      className="h-64 w-full"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={top} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(value: number) => formatBytes(value)} stroke="currentColor" fontSize={11} />
          <YAxis type="category" dataKey="group" width={160} stroke="currentColor" fontSize={11} />
          <Tooltip formatter={(value) => formatBytes(Number(value))} />
          <Bar dataKey="memoryBytes" name="Memory" fill="#14a89e" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
