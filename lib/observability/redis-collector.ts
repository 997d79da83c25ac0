import "server-only";
import { env } from "../env";
import { unavailableFrom, type Unavailable } from "../errors";
import { listGroupOutlines } from "../registry/outlines";
import { withRedis } from "../redis/client";
import { keyNamesOf } from "../entity-keys/resolve";
import type { GroupKeySources } from "../entity-keys/shapes";
import { DEFAULT_SCAN } from "../redis/keyspace";
import { eventTimeColumn } from "../groups/event-time";
import { listRelations } from "../risingwave/catalog";
import { readMvRowCounts, readRedisSinksOfMany } from "../risingwave/entity";
import { collectRedisStats, type RedisStatsSnapshot } from "./redis-stats";

/** The last walk's failure: the backend it could not read (Redis, RisingWave or the registry), and when. */
export type WalkFailure = Unavailable & { at: string };
const state = globalThis as unknown as { redisStats?: RedisStatsSnapshot; redisStatsFailure?: WalkFailure };

/**
 * Walks the keyspace once for every group (three RisingWave statements, one registry query), and keeps
 * the result for page views: they read this snapshot and never scan Redis themselves.
 */
export async function refreshRedisStats(now = new Date()): Promise<RedisStatsSnapshot> {
  try {
    const groups = await listGroupOutlines();
    const mvs = [...new Set(groups.map((group) => group.materializedView))];
    // Columns of every MV: a group without an entity is keyed by its MV's primary key (the article's YAML
    // declares none), and the event-time column is read from the sampled values.
    const [sinks, rows, relations] = await Promise.all([readRedisSinksOfMany(mvs), readMvRowCounts(mvs), listRelations(mvs)]);
    const sources: GroupKeySources[] = groups.map((group) => ({
      group: group.name,
      keyColumns: keyNamesOf(group.entityKeys, relations.get(group.materializedView)?.columns ?? []),
      sinks: sinks.get(group.materializedView) ?? [],
      cacheTemplate: group.cacheTemplate,
      timestampColumn: eventTimeColumn(group.timestampColumn, relations.get(group.materializedView)?.columns),
    }));
    const mvRows = new Map(
      groups.flatMap((group) => (rows.has(group.materializedView) ? [[group.name, rows.get(group.materializedView) as number]] : [])),
    );
    const snapshot = await withRedis((redis) =>
      collectRedisStats(redis, sources, mvRows, { ...DEFAULT_SCAN, budgetMs: env.REDIS_SCAN_BUDGET_MS }, now),
    );
    state.redisStats = snapshot;
    state.redisStatsFailure = undefined;
    return snapshot;
  } catch (error) {
    const outage = unavailableFrom(error) ?? { backend: "redis", reason: error instanceof Error ? error.message : String(error) };
    state.redisStatsFailure = { ...outage, at: now.toISOString() };
    throw error;
  }
}

/** The last collected stats (null before the first walk) and the last failure, if the latest walk failed. */
export function latestRedisStats(): { stats: RedisStatsSnapshot | null; failure: WalkFailure | null } {
  return { stats: state.redisStats ?? null, failure: state.redisStatsFailure ?? null };
}
