import "server-only";
import { eventTimeColumn } from "../groups/event-time";
import { notFound } from "../errors";
import type { KeyColumn } from "../entity-keys/parse";
import { keyColumnsOf, type RedisSinkKeys } from "../entity-keys/resolve";
import { getGroup } from "../registry/groups";
import { listRelations, type LiveRelation } from "../risingwave/catalog";
import { readRedisSinks } from "../risingwave/entity";
import type { FeatureGroupDefinition } from "../schemas/feature-group";

export type ServingGroup = {
  definition: FeatureGroupDefinition;
  /** The MV's schema and columns from rw_columns; null while RisingWave has not answered. */
  relation: LiveRelation | null;
  /** Key column types from rw_columns; null while RisingWave has not answered (keys are then read from their text). */
  keyColumns: KeyColumn[] | null;
  /** The MV's Redis sinks (the last known ones while RisingWave is down). */
  redisSinks: RedisSinkKeys[];
  /** Column → rw_columns data_type, for decoding Redis values. */
  columnTypes: Map<string, string>;
  /** The event-time column: staleness of a served value is judged from it. */
  timestampColumn: string | null;
};

/** Serving must not ask PostgreSQL and RisingWave about the group on every request: definitions live 10 s. */
const TTL_MS = 10_000;
type Cached = { group: ServingGroup; loadedAt: number };
const cache = globalThis as unknown as {
  servingGroups?: Map<string, Cached>;
  servingGroupLoads?: Map<string, Promise<ServingGroup>>;
  /** Bumped by every announced registry write: a load begun before it must not be kept. */
  servingGroupGeneration?: number;
};

async function loadServingGroup(name: string, cached: Cached | undefined, now: number): Promise<ServingGroup> {
  const generation = cache.servingGroupGeneration ?? 0;
  // The registry down: keep serving with the definition last loaded (it changes rarely; values come from Redis).
  const stored = await getGroup(name).catch((error: unknown) => {
    if (cached) return { definition: cached.group.definition };
    throw error;
  });
  if (!stored) throw notFound(`Feature group ${name}`);
  const { definition } = stored;
  const mv = definition.materialized_view;
  const catalog = await Promise.all([listRelations([mv]), readRedisSinks(mv)]).catch(() => null);
  const relation = catalog?.[0].get(mv) ?? null;
  const keyColumns = relation ? keyColumnsOf(definition.entity?.keys, relation.columns) : null;
  const group: ServingGroup = {
    definition,
    relation,
    keyColumns: keyColumns && !keyColumns.missing ? keyColumns.columns : null,
    redisSinks: catalog?.[1] ?? cached?.group.redisSinks ?? [],
    columnTypes: new Map((relation?.columns ?? []).map((column) => [column.name, column.dataType])),
    timestampColumn: relation ? eventTimeColumn(definition.timestamp_column, relation.columns) : (definition.timestamp_column ?? null),
  };
  if (generation === (cache.servingGroupGeneration ?? 0)) cache.servingGroups?.set(name, { group, loadedAt: now });
  return group;
}

/**
 * The group as serving needs it. One load at a time per group whoever asks; once loaded, an expired
 * entry keeps answering while the next load runs, so no request waits on PostgreSQL after the first.
 * Await it: a promise while loading.
 */
export function servingGroup(name: string, now = Date.now()): ServingGroup | Promise<ServingGroup> {
  const groups = (cache.servingGroups ??= new Map());
  const loads = (cache.servingGroupLoads ??= new Map());
  const cached = groups.get(name);
  // Synchronous when fresh: the hot path of a cache hit spends no microtask here.
  if (cached && now - cached.loadedAt < TTL_MS && cached.group.relation) return cached.group;
  let load = loads.get(name);
  if (!load) {
    load = loadServingGroup(name, cached, now).finally(() => loads.delete(name));
    loads.set(name, load);
  }
  // Without RisingWave's catalog the cached entry cannot serve misses: wait for the load then.
  if (cached?.group.relation) {
    load.catch(() => undefined);
    return cached.group;
  }
  return load;
}

/** A registry write was announced: the next request of each group reads its definition again. */
export function forgetServingGroups(): void {
  cache.servingGroupGeneration = (cache.servingGroupGeneration ?? 0) + 1;
  cache.servingGroups?.clear();
  cache.servingGroupLoads?.clear();
}
