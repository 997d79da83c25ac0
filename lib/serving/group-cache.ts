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
const cache = globalThis as unknown as { servingGroups?: Map<string, { group: ServingGroup; loadedAt: number }> };

export async function servingGroup(name: string, now = Date.now()): Promise<ServingGroup> {
  cache.servingGroups ??= new Map();
  const cached = cache.servingGroups.get(name);
  if (cached && now - cached.loadedAt < TTL_MS && cached.group.relation) return cached.group;
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
  cache.servingGroups.set(name, { group, loadedAt: now });
  return group;
}

/** A registry write was announced: the next request of each group reads its definition again. */
export function forgetServingGroups(): void {
  cache.servingGroups?.clear();
}
