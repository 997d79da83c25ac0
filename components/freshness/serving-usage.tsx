import type { ServingUsage } from "@/lib/redis/serving-usage";
import { formatCount } from "@/lib/format";

const share = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((100 * part) / whole)} %`;

/** The serving side of freshness over the last hour: answers, the share stale, the share from RisingWave. */
export function ServingUsageLine({ usage }: { usage: ServingUsage | null | undefined }) {
  if (!usage || usage.requests === 0) return <span className="block text-xs text-slate-500">not served in the last hour</span>;
  return (
    <span className="block text-xs text-slate-500" data-testid="serving-usage">
      served {formatCount(usage.requests)} in 1 h · {share(usage.stale, usage.requests)} stale · {share(usage.fallback, usage.requests)}{" "}
      from RisingWave
    </span>
  );
}
