import "server-only";
import { dtypeOfColumn } from "../catalog/dtypes";
import { notFound } from "../errors";
import type { KeyColumn } from "../lookup/key";
import { getGroup } from "../registry/groups";
import { listColumns } from "../risingwave/catalog";
import { readRedisSinks } from "../risingwave/entity";
import type { FeatureGroupDefinition } from "../schemas/feature-group";

export type ServingGroup = {
  definition: FeatureGroupDefinition;
  /** Key column types from rw_columns; null while RisingWave has not answered (keys are then read as text). */
  keyColumns: KeyColumn[] | null;
  /** The value format of the group's Redis TEMPLATE sink, for `redis.kind: template`. */
  templateValueFormat: string | null;
};

/** Serving must not ask PostgreSQL and RisingWave about the group on every request: definitions live 10 s. */
const TTL_MS = 10_000;
const cache = globalThis as unknown as { servingGroups?: Map<string, { group: ServingGroup; loadedAt: number }> };

export async function servingGroup(name: string, now = Date.now()): Promise<ServingGroup> {
  cache.servingGroups ??= new Map();
  const cached = cache.servingGroups.get(name);
  if (cached && now - cached.loadedAt < TTL_MS && cached.group.keyColumns) return cached.group;
  const stored = await getGroup(name);
  if (!stored) throw notFound(`Feature group ${name}`);
  const { definition } = stored;
  const mv = definition.materialized_view;
  const catalog = await Promise.all([listColumns([mv]), readRedisSinks(mv)]).catch(() => null);
  const live = catalog?.[0].get(mv);
  const keys = definition.entity?.keys ?? live?.filter((column) => column.isPrimaryKey).map((column) => column.name) ?? [];
  const keyColumns = live
    ? keys.map((key) => ({ name: key, dtype: dtypeOfColumn(live.find((column) => column.name === key)?.dataType ?? "") ?? "string" }))
    : null;
  const template = catalog?.[1].find((sink) => sink.keyFormat && definition.redis?.key_template && sink.keyFormat === definition.redis.key_template);
  const group: ServingGroup = { definition, keyColumns, templateValueFormat: template?.valueFormat ?? cached?.group.templateValueFormat ?? null };
  cache.servingGroups.set(name, { group, loadedAt: now });
  return group;
}
