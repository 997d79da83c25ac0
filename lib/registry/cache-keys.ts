import "server-only";
import { shapesOverlap, templatePieces } from "../entity-keys/shapes";
import { AppError } from "../errors";
import { readAllRedisSinks } from "../risingwave/entity";
import type { FeatureGroupDefinition } from "../schemas/feature-group";

/**
 * A serving cache writes and expires the keys its template renders: refuse (409) a cache template
 * that can produce a key a Redis TEMPLATE sink writes. (JSON sink keys contain `"`, which a template
 * may not.) With RisingWave unreachable the sinks are unknown and the check is skipped; the
 * registry's own check against other groups' caches still holds (lib/registry/groups.ts).
 */
export async function assertCacheTemplatesFreeOfSinks(definitions: FeatureGroupDefinition[]): Promise<void> {
  const templates = definitions.flatMap((definition) =>
    definition.redis?.kind === "hash" && definition.redis.key_template
      ? [{ group: definition.name, template: definition.redis.key_template }]
      : [],
  );
  if (templates.length === 0) return;
  const sinks = await readAllRedisSinks().catch(() => []);
  for (const { group, template } of templates) {
    const sink = sinks.find(
      (candidate) => candidate.keyFormat && shapesOverlap(templatePieces(template), templatePieces(candidate.keyFormat)),
    );
    if (sink) {
      throw new AppError(
        409,
        `${group}'s cache key template ${template} can produce keys the Redis sink ${sink.name} writes (${sink.keyFormat}): give the cache a prefix of its own`,
        [{ path: "redis.key_template", message: `overlaps the sink ${sink.name}'s ${sink.keyFormat}` }],
      );
    }
  }
}
