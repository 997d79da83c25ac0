import { serverInfo, type RedisClient } from "../redis/batch";
import { TTL_BUCKETS, estimateCount, parseInfo, type KeyCount, type TtlBucket } from "../redis/estimate";
import { keyPatterns, type GroupKeySources } from "../entity-keys/shapes";
import { describeSample, scanKeyspace, type ScanOptions } from "../redis/keyspace";
import { toEpochMs } from "../lookup/normalize";

export type PatternStats = {
  glob: string;
  role: "json-sink" | "template-sink" | "cache";
  groups: string[];
  keys: KeyCount;
  /** Mean MEMORY USAGE of the sample times the key count; null without a sample. */
  memoryBytes: number | null;
  sampled: number;
  ttl: Record<TtlBucket, number>;
  types: Record<string, number>;
  /** Keys over the MV's row count (rw_table_stats); null when unknown. */
  coverage: number | null;
};

/** The newest event time among sampled JSON values, per group (its timestamp column); null when none reads. */
export function newestValueTime(values: string[], column: string | null | undefined): number | null {
  if (!column) return null;
  let newest: number | null = null;
  for (const text of values) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    const at = parsed && typeof parsed === "object" ? toEpochMs((parsed as Record<string, unknown>)[column]) : null;
    if (at !== null && Number.isFinite(at) && (newest === null || at > newest)) newest = at;
  }
  return newest;
}

export type GroupRedisStats = {
  group: string;
  keys: number;
  exact: boolean;
  margin: number;
  memoryBytes: number | null;
  mvRows: number | null;
  patterns: PatternStats[];
  /** The newest event time among the sampled sink values: what a model reading Redis sees at best. */
  newestValueAt: string | null;
};

export type RedisServerStats = {
  usedMemoryBytes: number | null;
  maxMemoryBytes: number | null;
  hitRatio: number | null;
  evictedKeys: number | null;
  expiredKeys: number | null;
  connectedClients: number | null;
  opsPerSecond: number | null;
};

export type RedisStatsSnapshot = {
  collectedAt: string;
  scan: { dbsize: number; examined: number; complete: boolean; elapsedMs: number; calls: number; slowestCallMs: number };
  server: RedisServerStats;
  groups: GroupRedisStats[];
};

const numberOf = (fields: Map<string, string>, key: string) => {
  const value = Number(fields.get(key));
  return fields.has(key) && Number.isFinite(value) ? value : null;
};

export function serverStats(info: string): RedisServerStats {
  const fields = parseInfo(info);
  const hits = numberOf(fields, "keyspace_hits");
  const misses = numberOf(fields, "keyspace_misses");
  return {
    usedMemoryBytes: numberOf(fields, "used_memory"),
    maxMemoryBytes: numberOf(fields, "maxmemory"),
    hitRatio: hits !== null && misses !== null && hits + misses > 0 ? hits / (hits + misses) : null,
    evictedKeys: numberOf(fields, "evicted_keys"),
    expiredKeys: numberOf(fields, "expired_keys"),
    connectedClients: numberOf(fields, "connected_clients"),
    opsPerSecond: numberOf(fields, "instantaneous_ops_per_sec"),
  };
}

/**
 * Key counts, memory, TTLs, types and coverage per group from one budgeted SCAN pass, the per-key
 * commands on a sample only, and INFO. `mvRows` maps a group to its MV's row count.
 */
export async function collectRedisStats(
  redis: RedisClient,
  sources: GroupKeySources[],
  mvRows: Map<string, number>,
  options: ScanOptions,
  now = new Date(),
): Promise<RedisStatsSnapshot> {
  const patterns = keyPatterns(sources);
  const scan = await scanKeyspace(redis, patterns, options);
  const [info, samples] = await Promise.all([
    serverInfo(redis),
    Promise.all(scan.patterns.map((pattern, index) => describeSample(redis, pattern.sample, patterns[index]?.role === "json-sink"))),
  ]);
  const patternStats: PatternStats[] = patterns.map((pattern, index) => {
    const keys = estimateCount(scan.patterns[index]?.matched ?? 0, scan.examined, scan.dbsize, scan.complete);
    const sample = samples[index] ?? {
      memoryBytes: [],
      ttl: Object.fromEntries(TTL_BUCKETS.map((bucket) => [bucket, 0])) as Record<TtlBucket, number>,
      types: {},
      values: [],
    };
    const meanMemory =
      sample.memoryBytes.length > 0 ? sample.memoryBytes.reduce((sum, bytes) => sum + bytes, 0) / sample.memoryBytes.length : null;
    // A shared shape is measured against the first group's MV: the sinks of several MVs write the same keys.
    const rows = mvRows.get(pattern.groups[0] ?? "");
    return {
      glob: pattern.glob,
      role: pattern.role,
      groups: pattern.groups,
      keys,
      memoryBytes: meanMemory === null ? null : Math.round(meanMemory * keys.count),
      sampled: sample.memoryBytes.length,
      ttl: sample.ttl,
      types: sample.types,
      coverage: rows === undefined || rows === 0 ? null : Math.min(1, keys.count / rows),
    };
  });
  const groups = sources.map((source): GroupRedisStats => {
    const own = patternStats.filter((pattern) => pattern.groups.includes(source.group));
    const newest = patterns
      .map((pattern, index) => (pattern.role === "json-sink" && pattern.groups.includes(source.group) ? samples[index]?.values : undefined))
      .map((values) => newestValueTime(values ?? [], source.timestampColumn))
      .reduce<number | null>((max, at) => (at !== null && (max === null || at > max) ? at : max), null);
    const memory = own.every((pattern) => pattern.memoryBytes === null)
      ? null
      : own.reduce((sum, pattern) => sum + (pattern.memoryBytes ?? 0), 0);
    return {
      group: source.group,
      keys: own.reduce((sum, pattern) => sum + pattern.keys.count, 0),
      exact: own.every((pattern) => pattern.keys.exact),
      margin: Math.round(Math.sqrt(own.reduce((sum, pattern) => sum + pattern.keys.margin ** 2, 0))),
      memoryBytes: memory,
      mvRows: mvRows.get(source.group) ?? null,
      patterns: own,
      newestValueAt: newest === null ? null : new Date(newest).toISOString(),
    };
  });
  const scanSummary = {
    dbsize: scan.dbsize,
    examined: scan.examined,
    complete: scan.complete,
    elapsedMs: scan.elapsedMs,
    calls: scan.calls,
    slowestCallMs: scan.slowestCallMs,
  };
  return { collectedAt: now.toISOString(), scan: scanSummary, server: serverStats(info), groups };
}
