import "server-only";
import { checkSchema, schemaIssues, type SchemaCheck } from "./schema-check";
import { AppError, type Issue } from "../errors";
import { available, type Availability } from "../health/availability";
import { listColumns } from "../risingwave/catalog";
import type { FeatureGroupDefinition } from "../schemas/feature-group";

/** The schema check against the live MV; a RisingWave outage degrades it instead of failing the page. */
export async function liveSchemaCheck(definition: FeatureGroupDefinition): Promise<Availability<SchemaCheck>> {
  return available(async () => {
    const columns = await listColumns([definition.materialized_view]);
    return checkSchema(definition, columns.get(definition.materialized_view) ?? null);
  });
}

/**
 * Each definition's mismatches with its live MV (missing columns, dtype mismatches, missing key or
 * time columns, no MV), by group name; groups with status planned are exempt. One statement. When
 * RisingWave does not answer nothing can be checked: no issues (an outage does not block writes).
 */
export async function liveSchemaIssues(definitions: FeatureGroupDefinition[]): Promise<Map<string, Issue[]>> {
  const checked = definitions.filter((definition) => definition.status !== "planned");
  const issues = new Map<string, Issue[]>();
  if (checked.length === 0) return issues;
  let columns;
  try {
    columns = await listColumns([...new Set(checked.map((definition) => definition.materialized_view))]);
  } catch (error) {
    // Whatever keeps RisingWave from answering, the registry stays writable; the page's live check says why.
    console.warn("[schema check] skipped:", error instanceof Error ? error.message : error);
    return issues;
  }
  for (const definition of checked) {
    const found = schemaIssues(definition, checkSchema(definition, columns.get(definition.materialized_view) ?? null));
    if (found.length > 0) issues.set(definition.name, found);
  }
  return issues;
}

/** Refuses a write whose definitions do not match their live MVs, with every issue on its path. */
export async function assertLiveSchemas(definitions: FeatureGroupDefinition[]): Promise<void> {
  const issues = await liveSchemaIssues(definitions);
  if (issues.size === 0) return;
  const [name, first] = [...issues.entries()][0]!;
  throw new AppError(
    422,
    `${name} does not match its materialized view (${first.length} problem${first.length === 1 ? "" : "s"}); nothing was saved. Fix the features, or set status planned for an MV that is not created yet.`,
    definitions.length === 1
      ? first
      : [...issues.entries()].flatMap(([group, list]) => list.map((issue) => ({ ...issue, path: `${group}:${issue.path}` }))),
  );
}
