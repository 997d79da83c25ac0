import { TTL_BUCKETS, type TtlBucket } from "@/lib/redis/estimate";

/** The sampled keys' TTLs as bars, one per bucket. */
export function TtlHistogram({ ttl, label }: { ttl: Record<TtlBucket, number>; label: string }) {
  const total = TTL_BUCKETS.reduce((sum, bucket) => sum + ttl[bucket], 0);
  return (
    <dl aria-label={label} className="grid grid-cols-[5rem_1fr_3rem] items-center gap-x-2 gap-y-1 text-xs">
      {TTL_BUCKETS.map((bucket) => {
        const share = total === 0 ? 0 : ttl[bucket] / total;
        return (
          <div key={bucket} className="contents" data-ttl-bucket={bucket}>
            <dt className="text-slate-600 dark:text-slate-400">{bucket}</dt>
            <dd className="h-3 rounded bg-slate-100 dark:bg-slate-800">
              <div className="h-3 rounded bg-tide-500" style={{ width: `${(share * 100).toFixed(1)}%` }} />
            </dd>
            <dd className="text-right tabular-nums">{ttl[bucket]}</dd>
          </div>
        );
      })}
    </dl>
  );
}
