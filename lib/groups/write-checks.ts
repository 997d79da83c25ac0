import "server-only";
import { assertCacheTemplatesFreeOfSinks } from "../registry/cache-keys";
import type { FeatureGroupDefinition } from "../schemas/feature-group";
import { assertLiveSchemas } from "./live-check";

/** What every write of definitions (form, API, import) checks against RisingWave before it starts. */
export async function assertWritable(definitions: FeatureGroupDefinition[]): Promise<void> {
  await assertCacheTemplatesFreeOfSinks(definitions);
  await assertLiveSchemas(definitions);
}
