import "server-only";
import { describeError } from "../errors";
import type { FeatureVectorRequest } from "../schemas/serving";
import { serveGroupBatch, servingKeyNames, type BatchEntry } from "./serve";

export type GroupAnswer = { source: "redis" | "risingwave"; stale: boolean; staleReason?: string } | { status: number; error: string };
export type AssembledVector = {
  entity: Record<string, string>;
  /** `group.feature` → value, from every group that serves this entity. */
  features: Record<string, string | number | boolean | null>;
  groups: Record<string, GroupAnswer>;
};

/**
 * Feature vectors assembled across groups: every group at once, each with one Redis pipeline for its
 * entities and one RisingWave statement for its misses (`serveGroupBatch`), merged per entity.
 * `onEntry` sees each group's answer for each entity (metrics).
 */
export async function assembleVectors(
  request: FeatureVectorRequest,
  onEntry: (group: string, entry: BatchEntry) => void = () => {},
): Promise<AssembledVector[]> {
  const entities = request.entities.map((entity) =>
    Object.fromEntries(Object.entries(entity).map(([column, value]) => [column, String(value)])),
  );
  const vectors: AssembledVector[] = entities.map((entity) => ({ entity, features: {}, groups: {} }));
  await Promise.all(
    [...new Set(request.groups)].map(async (group) => {
      try {
        const keys = await servingKeyNames(group);
        const served = entities.flatMap((entity, index) => (keys.every((key) => key in entity) ? [index] : []));
        if (served.length === 0) return;
        const entries = await serveGroupBatch(
          group,
          served.map((index) => Object.fromEntries(keys.map((key) => [key, entities[index]![key] as string]))),
        );
        entries.forEach((entry, position) => {
          onEntry(group, entry);
          const vector = vectors[served[position] as number] as AssembledVector;
          if ("error" in entry) {
            vector.groups[group] = { status: entry.status, error: entry.error };
            return;
          }
          for (const [feature, value] of Object.entries(entry.features)) vector.features[`${group}.${feature}`] = value;
          vector.groups[group] = {
            source: entry.source,
            stale: entry.stale,
            ...(entry.staleReason ? { staleReason: entry.staleReason } : {}),
          };
        });
      } catch (error) {
        // One group failing (unknown, RisingWave down on a miss) does not fail the others.
        const { status, error: message } = describeError(error, "serving failed", "serving");
        for (const vector of vectors) vector.groups[group] = { status, error: message };
      }
    }),
  );
  return vectors;
}
