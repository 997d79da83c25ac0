import { STATUS_LABEL, type FreshnessStatus } from "@/lib/observability/classify";

const TONES: Record<FreshnessStatus, string> = {
  breach: "bg-red-700 text-white",
  degraded: "bg-orange-700 text-white",
  warning: "bg-amber-400 text-amber-950",
  unknown: "bg-slate-600 text-white",
  ok: "bg-emerald-700 text-white",
};

export function StatusPill({ status }: { status: FreshnessStatus }) {
  return (
    <span className={`inline-block min-w-16 rounded px-2 py-0.5 text-center text-xs font-semibold uppercase ${TONES[status]}`}>
      {STATUS_LABEL[status]}
    </span>
  );
}

export const BAR_TONES: Record<FreshnessStatus, string> = {
  breach: "bg-red-600",
  degraded: "bg-orange-600",
  warning: "bg-amber-400",
  unknown: "bg-slate-400",
  ok: "bg-emerald-500",
};
