import type { LineageKind, LineageNode } from "@/lib/lineage/graph";
import type { FreshnessStatus } from "@/lib/observability/classify";

/** One look per node kind, shared by the graph, its legend and the group page's compact view. */
export const KIND_STYLES: Record<LineageKind, { label: string; className: string; minimap: string }> = {
  external: { label: "External system", className: "border-dashed border-slate-400 bg-slate-100 dark:bg-slate-800", minimap: "#94a3b8" },
  dbt_source: { label: "dbt source", className: "border-dotted border-amber-500 bg-amber-50 dark:bg-amber-950", minimap: "#f59e0b" },
  source: { label: "Source", className: "border-violet-400 bg-violet-50 dark:bg-violet-950", minimap: "#8b5cf6" },
  table: { label: "Table", className: "border-sky-400 bg-sky-50 dark:bg-sky-950", minimap: "#0ea5e9" },
  materialized_view: { label: "Materialized view", className: "border-tide-500 bg-tide-50 dark:bg-tide-900", minimap: "#14a89e" },
  view: { label: "View", className: "border-teal-300 bg-white dark:bg-slate-900", minimap: "#5eead4" },
  sink: { label: "Sink", className: "border-orange-400 bg-orange-50 dark:bg-orange-950", minimap: "#fb923c" },
};

/** Status ring colours (the same scale as the freshness page). */
export const STATUS_RING: Record<FreshnessStatus, string> = {
  breach: "ring-4 ring-red-600",
  degraded: "ring-4 ring-orange-600",
  warning: "ring-4 ring-amber-400",
  unknown: "ring-2 ring-slate-400",
  ok: "ring-2 ring-emerald-500",
};

export const STATUS_FILL: Record<FreshnessStatus, string> = {
  breach: "#dc2626",
  degraded: "#ea580c",
  warning: "#f59e0b",
  unknown: "#94a3b8",
  ok: "#10b981",
};

/** "Kafka topic", "Redis", "S3": what an external node stands for. */
export function kindLabel(node: Pick<LineageNode, "kind" | "system">): string {
  if (node.kind !== "external") return KIND_STYLES[node.kind].label;
  const systems: Record<string, string> = {
    kafka: "Kafka topic",
    redis: "Redis",
    s3: "S3 bucket",
    postgres: "PostgreSQL table",
    mysql: "MySQL table",
  };
  return systems[node.system ?? ""] ?? node.system ?? "External system";
}
