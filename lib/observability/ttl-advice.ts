import { formatDuration } from "../format";
import type { GroupRedisStats, PatternStats } from "./redis-stats";

/** What a group's Redis keys and TTLs get wrong, from the registry and the collector's key walk. */
export type TtlAdvice = {
  rule: "ttl_below_sla" | "cache_without_ttl" | "ttl_far_above_sla" | "sink_leftovers";
  severity: "warning" | "info";
  /** Keys concerned (an estimate when the walk sampled). */
  keys: number;
  /** Memory an applied fix would free; null when it cannot be told. */
  reclaimableBytes: number | null;
  message: string;
  fix: string;
};
type Definition = { freshness_sla_seconds: number; redis?: { kind: string; ttl_seconds?: number | undefined } | undefined };

/** A TTL that outlives a breach of the SLA by half again: "freshness requirement plus a safety buffer". */
export const recommendedTtlSeconds = (slaSeconds: number) => Math.max(slaSeconds + 60, Math.ceil(slaSeconds * 1.5));
/** Above this many SLAs a TTL keeps inactive entities' values long after they stopped being useful. */
const FAR_ABOVE = 48;
/** Sink keys above the MV's rows by less than this share are in-flight writes, not leftovers. */
const LEFTOVER_SHARE = 0.02;

const meanBytes = (pattern: PatternStats) =>
  pattern.memoryBytes === null || pattern.keys.count === 0 ? null : pattern.memoryBytes / pattern.keys.count;

/**
 * The advice for one group (article: TTL = freshness requirement plus a safety buffer): a configured
 * TTL below the SLA, cache keys the walk found without a TTL, a TTL far above the SLA, and sink keys
 * left for rows the MV no longer has (FORMAT PLAIN sinks never delete). Worst first.
 */
export function ttlAdvice(definition: Definition, stats: GroupRedisStats | null): TtlAdvice[] {
  const sla = definition.freshness_sla_seconds;
  const recommended = recommendedTtlSeconds(sla);
  const configured = definition.redis?.ttl_seconds;
  const patterns = stats?.patterns ?? [];
  const cache = patterns.filter((pattern) => pattern.role === "cache");
  const cacheKeys = cache.reduce((sum, pattern) => sum + pattern.keys.count, 0);
  const advice: TtlAdvice[] = [];

  if (configured !== undefined && configured < sla)
    advice.push({
      rule: "ttl_below_sla",
      severity: "warning",
      keys: cacheKeys,
      reclaimableBytes: null,
      message: `The cache TTL (${formatDuration(configured)}) is shorter than the freshness SLA (${formatDuration(sla)}): a value can expire before its next refresh, and reads miss.`,
      fix: `Set ttl_seconds to the SLA plus a buffer: ${recommended} s (${formatDuration(recommended)}).`,
    });

  for (const pattern of cache) {
    const withoutTtl = pattern.sampled === 0 ? 0 : Math.round((pattern.ttl["no TTL"] / pattern.sampled) * pattern.keys.count);
    if (withoutTtl === 0) continue;
    advice.push({
      rule: "cache_without_ttl",
      severity: "warning",
      keys: withoutTtl,
      reclaimableBytes: null,
      message: `About ${withoutTtl} cache keys (${pattern.glob}) have no TTL: an entity that stops being read keeps its values in memory forever.`,
      fix: `Expire on write: EXPIRE after each HSET, ${recommended} s (the SLA plus a buffer).`,
    });
  }

  if (configured !== undefined && configured > FAR_ABOVE * sla) {
    // Keys beyond the MV's rows belong to entities the MV no longer has: what a shorter TTL frees first.
    const stale = cache.reduce((sum, pattern) => sum + Math.max(0, pattern.keys.count - (stats?.mvRows ?? pattern.keys.count)), 0);
    const bytes = cache[0] ? meanBytes(cache[0]) : null;
    advice.push({
      rule: "ttl_far_above_sla",
      severity: "info",
      keys: stale,
      reclaimableBytes: stats?.mvRows == null || bytes === null ? null : Math.round(stale * bytes),
      message: `The cache TTL (${formatDuration(configured)}) is ${Math.round(configured / sla)}× the freshness SLA: values of inactive entities stay long after they stopped being useful.`,
      fix: `Lower ttl_seconds towards ${recommended} s (${formatDuration(recommended)}); a value read after it expires is refilled from RisingWave.`,
    });
  }

  const rows = stats?.mvRows ?? null;
  for (const pattern of patterns) {
    // A key shape shared by several groups' sinks cannot be held against one MV's rows.
    if (pattern.role === "cache" || pattern.groups.length !== 1 || rows === null) continue;
    const leftovers = pattern.keys.count - rows;
    if (leftovers <= Math.max(1, rows * LEFTOVER_SHARE)) continue;
    const bytes = meanBytes(pattern);
    advice.push({
      rule: "sink_leftovers",
      severity: "warning",
      keys: leftovers,
      reclaimableBytes: bytes === null ? null : Math.round(leftovers * bytes),
      message: `${pattern.glob} holds ${pattern.keys.count} keys for ${rows} rows in the MV: about ${leftovers} keys are left from rows it no longer has (a FORMAT PLAIN sink never deletes).`,
      fix: "Recreate the sink FORMAT UPSERT so rows that leave the MV delete their keys, then remove the leftovers (SCAN + UNLINK).",
    });
  }
  return advice.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "warning" ? -1 : 1));
}
