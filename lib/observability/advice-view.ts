import "server-only";
import { notFound } from "../errors";
import { getGroup, listAllDefinitions } from "../registry/groups";
import { latestRedisStats } from "./redis-collector";
import { ttlAdvice, type TtlAdvice } from "./ttl-advice";

export type GroupAdvice = { group: string; advice: TtlAdvice[] };

/** One group's TTL advice from its definition and the collector's last key walk (null before the first). */
export async function groupAdviceView(name: string): Promise<GroupAdvice & { measuredAt: string | null }> {
  const stored = await getGroup(name);
  if (!stored) throw notFound(`Feature group ${name}`);
  const { stats } = latestRedisStats();
  return {
    group: name,
    measuredAt: stats?.collectedAt ?? null,
    advice: ttlAdvice(stored.definition, stats?.groups.find((entry) => entry.group === name) ?? null),
  };
}

/** Every group with advice, from one registry read and the last walk. */
export async function allAdvice(): Promise<GroupAdvice[]> {
  const { stats } = latestRedisStats();
  const byGroup = new Map((stats?.groups ?? []).map((entry) => [entry.group, entry]));
  return (await listAllDefinitions())
    .map((definition) => ({ group: definition.name, advice: ttlAdvice(definition, byGroup.get(definition.name) ?? null) }))
    .filter((entry) => entry.advice.length > 0);
}
