import type { DriftStatus } from "@/lib/drift/assess";

const TONES: Record<DriftStatus, string> = {
  ok: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200",
  warning: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200",
  breach: "bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200",
  unknown: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
};

export function DriftStatusBadge({ status }: { status: DriftStatus }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status]}`}>{status}</span>;
}
