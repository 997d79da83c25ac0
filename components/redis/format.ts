import type { GroupRedisStats, PatternStats } from "@/lib/observability/redis-stats";
import type { KeyCount } from "@/lib/redis/estimate";
import { formatDateTime, formatCount } from "@/lib/format";

/** "1,234" when counted, "≈ 299,795 ± 1,081" when estimated from a partial walk. */
export function formatKeyCount(keys: Pick<KeyCount, "count" | "exact" | "margin">): string {
  const count = formatCount(keys.count);
  return keys.exact ? count : `≈ ${count} ± ${formatCount(keys.margin)}`;
}

export const formatShare = (share: number | null) =>
  share === null ? "–" : `${(share * 100).toFixed(share >= 0.995 || share === 0 ? 0 : 1)} %`;

/** A group's coverage: its sinks' keys over the MV's rows (the cache-aside hash is partial by design). */
export function groupCoverage(group: GroupRedisStats): number | null {
  const sinks = group.patterns.filter((pattern: PatternStats) => pattern.role !== "cache" && pattern.coverage !== null);
  const pool = sinks.length > 0 ? sinks : group.patterns.filter((pattern) => pattern.coverage !== null);
  return pool.length === 0 ? null : Math.max(...pool.map((pattern) => pattern.coverage as number));
}

/** What a failed walk leaves on screen: the walk before it, marked stale. */
export const walkStale = (collectedAt: string) => `The figures below are stale: they are from the walk of ${formatDateTime(collectedAt)}.`;
