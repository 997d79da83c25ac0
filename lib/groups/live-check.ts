import "server-only";
import { checkSchema, type SchemaCheck } from "./schema-check";
import { AppError } from "../errors";
import { listColumns } from "../risingwave/catalog";
import type { FeatureGroupDefinition } from "../schemas/feature-group";

export type LiveSchemaCheck = SchemaCheck | { status: "unavailable"; reason: string };

/** The schema check against the live MV; a RisingWave outage degrades it instead of failing the page. */
export async function liveSchemaCheck(definition: FeatureGroupDefinition): Promise<LiveSchemaCheck> {
  try {
    const columns = await listColumns([definition.materialized_view]);
    return checkSchema(definition, columns.get(definition.materialized_view) ?? null);
  } catch (error) {
    if (error instanceof AppError && error.status === 503) return { status: "unavailable", reason: error.message };
    throw error;
  }
}
