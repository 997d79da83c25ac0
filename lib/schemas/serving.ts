import { z } from "zod";
import { MAX_KEY_LENGTH } from "../entity-keys/parse";
import { GroupNameSchema } from "./feature-group";

const keyValue = z.union([z.string().max(MAX_KEY_LENGTH), z.number().transform(String)]);
/** One entity: its key value (one-column keys) or an object of key columns. */
export const EntityKeySchema = z.union([keyValue, z.record(z.string().max(63), keyValue)]);

/** Entities batched per call; beyond this, split the request. */
export const MAX_BATCH_ENTITIES = 1_000;

export const BatchRequestSchema = z
  .object({
    requests: z
      .array(z.object({ group: GroupNameSchema, keys: z.array(EntityKeySchema).min(1) }))
      .min(1)
      .max(50),
  })
  .refine(
    (body) => body.requests.reduce((sum, request) => sum + request.keys.length, 0) <= MAX_BATCH_ENTITIES,
    `at most ${MAX_BATCH_ENTITIES} entities per call`,
  );

/**
 * POST /v1/features (the gateway): a feature vector per entity from several groups at once. An entity
 * gives the key columns of every entity type it has (`{user_id: 42, customer_id: 9}`); each group
 * serves the entities that carry all its key columns.
 */
export const FeatureVectorRequestSchema = z.object({
  groups: z.array(GroupNameSchema).min(1).max(50),
  entities: z
    .array(z.record(z.string().max(63), keyValue))
    .min(1)
    .max(MAX_BATCH_ENTITIES),
});
export type FeatureVectorRequest = z.infer<typeof FeatureVectorRequestSchema>;

export const ServingPathSchema = z.object({
  group: GroupNameSchema,
  key: z
    .string()
    .min(1)
    .max(4 * MAX_KEY_LENGTH),
});

/** A path key: a plain value, or a JSON object for a composite key. */
export function pathKey(key: string): string | Record<string, string> {
  if (!key.startsWith("{")) return key;
  const parsed = EntityKeySchema.safeParse(
    (() => {
      try {
        return JSON.parse(key);
      } catch {
        return key;
      }
    })(),
  );
  return parsed.success ? parsed.data : key;
}
