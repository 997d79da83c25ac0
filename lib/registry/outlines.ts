import "server-only";
import { getPrisma } from "../db";

/** What the lineage graph, the lookup form and the Redis stats need of every group, in one query. */
export type GroupOutline = {
  name: string;
  owner: string;
  team: string | null;
  slaSeconds: number;
  materializedView: string;
  /** The entity's key columns; null when the group declares no entity (the MV's primary key applies). */
  entityKeys: string[] | null;
  /** The serving cache's key template when `redis.kind` is hash. */
  cacheTemplate: string | null;
  /** The declared event-time column; null when the MV's first timestamp column applies. */
  timestampColumn: string | null;
};

export async function listGroupOutlines(): Promise<GroupOutline[]> {
  const groups = await getPrisma().featureGroup.findMany({
    select: {
      name: true,
      owner: true,
      team: true,
      freshnessSlaSeconds: true,
      materializedView: true,
      redisValueKind: true,
      redisKeyTemplate: true,
      timestampColumn: true,
      entity: { select: { keyColumns: true } },
    },
    orderBy: { name: "asc" },
  });
  return groups.map((group) => ({
    name: group.name,
    owner: group.owner,
    team: group.team,
    slaSeconds: group.freshnessSlaSeconds,
    materializedView: group.materializedView,
    entityKeys: group.entity?.keyColumns ?? null,
    cacheTemplate: group.redisValueKind === "hash" ? group.redisKeyTemplate : null,
    timestampColumn: group.timestampColumn,
  }));
}

/** The registered groups served by these MVs (MV → group name): one query. */
export async function groupsServedBy(mvs: string[]): Promise<Map<string, string>> {
  if (mvs.length === 0) return new Map();
  const groups = await getPrisma().featureGroup.findMany({
    where: { materializedView: { in: mvs } },
    select: { name: true, materializedView: true },
  });
  return new Map(groups.map((group) => [group.materializedView, group.name]));
}
