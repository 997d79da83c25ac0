import "server-only";
import { archiveFoldersOf } from "../archive/group-archive";
import { archiveBytesOf } from "../archive/usage";
import { env } from "../env";
import type { Unavailable } from "../errors";
import { available } from "../health/availability";
import { latestRedisStats } from "../observability/redis-collector";
import { listAllDefinitions } from "../registry/groups";
import { readSinksOfMany } from "../risingwave/entity";
import { readMvStateBytes } from "../risingwave/state-size";
import { estimateCosts, type CostReport, type Prices } from "./estimate";

export type CostView = CostReport & {
  prices: Prices;
  /** When the Redis figures were measured (the collector's last key walk); null: none yet. */
  redisMeasuredAt: string | null;
  unavailable: Unavailable[];
};

/**
 * Every active group's monthly estimate: Redis memory from the collector's last key walk (sampled
 * MEMORY USAGE × keys), RisingWave state from rw_table_stats (the MV and its internal tables, one
 * statement), archive bytes from one listing per top folder. A backend that does not answer leaves
 * its column unknown and says so.
 */
export async function costView(): Promise<CostView> {
  const definitions = (await listAllDefinitions()).filter((definition) => definition.status !== "deprecated");
  const mvs = [...new Set(definitions.map((definition) => definition.materialized_view))];
  const [state, sinks] = await Promise.all([available(() => readMvStateBytes(mvs)), available(() => readSinksOfMany(mvs))]);
  const foldersOf = new Map(
    definitions.map((definition) => [
      definition.name,
      archiveFoldersOf(definition, sinks.ok ? (sinks.value.get(definition.materialized_view) ?? []) : []).map((entry) => entry.folder),
    ]),
  );
  const archive = await available(() => archiveBytesOf([...foldersOf.values()].flat()));
  const { stats } = latestRedisStats();
  const redisBytes = new Map((stats?.groups ?? []).map((group) => [group.group, group.memoryBytes]));
  const prices = { redis: env.COST_REDIS_GB_MONTH, risingwave: env.COST_RISINGWAVE_GB_MONTH, archive: env.COST_ARCHIVE_GB_MONTH };
  const report = estimateCosts(
    definitions.map((definition) => ({
      group: definition.name,
      owner: definition.owner,
      redisBytes: redisBytes.get(definition.name) ?? null,
      risingwaveBytes: state.ok ? (state.value.get(definition.materialized_view) ?? null) : null,
      archiveBytes: archive.ok
        ? (foldersOf.get(definition.name) ?? []).reduce((sum, folder) => sum + (archive.value.get(folder) ?? 0), 0)
        : null,
    })),
    prices,
  );
  return {
    ...report,
    prices,
    redisMeasuredAt: stats?.collectedAt ?? null,
    unavailable: [state, sinks, archive].flatMap((result) => (result.ok ? [] : [result.unavailable])),
  };
}
