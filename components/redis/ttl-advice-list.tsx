import { formatBytes, formatCount } from "@/lib/format";
import type { TtlAdvice } from "@/lib/observability/ttl-advice";

/** TTL advice, worst first: what is wrong, how many keys, what a fix frees, and the fix in words. */
export function TtlAdviceList({ advice, label = "TTL advice" }: { advice: TtlAdvice[]; label?: string }) {
  if (advice.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No TTL advice: TTLs and keys match the SLA.</p>;
  return (
    <ul className="space-y-2" aria-label={label}>
      {advice.map((item) => (
        <li
          key={`${item.rule}:${item.message}`}
          data-rule={item.rule}
          className={`rounded border-l-4 px-3 py-2 text-sm ${
            item.severity === "warning"
              ? "border-amber-500 bg-amber-50 dark:bg-amber-950/40"
              : "border-sky-500 bg-sky-50 dark:bg-sky-950/40"
          }`}
        >
          <p>{item.message}</p>
          <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">
            {formatCount(item.keys)} keys
            {item.reclaimableBytes !== null ? ` · about ${formatBytes(item.reclaimableBytes)} reclaimable` : ""} · Fix: {item.fix}
          </p>
        </li>
      ))}
    </ul>
  );
}
