import type { GroupStatus } from "@/lib/schemas/feature-group";

const TONES: Record<GroupStatus, string> = {
  planned: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200",
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200",
  draft: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
  deprecated: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200",
};

export function StatusBadge({ status }: { status: GroupStatus }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status]}`}>{status}</span>;
}
