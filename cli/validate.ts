import { checkSchema, describeProblems } from "../lib/groups/schema-check";
import { listColumns } from "../lib/risingwave/catalog";
import { groupsOfManifest } from "../lib/dbt/groups";
import { readManifest } from "../lib/dbt/manifest";
import type { FeatureGroupDefinition } from "../lib/schemas/feature-group";
import { parseDefinitions } from "../lib/yaml/definitions";

export type ValidationResult = { file: string; line: number; group: string | null; ok: boolean; problems: string[] };

/**
 * Checks each YAML document against the schema, then each definition against the live MV in
 * RisingWave (one catalog query for all of them). Connection errors propagate to the caller.
 */
export async function validateDefinitions(inputs: { file: string; text: string }[]): Promise<ValidationResult[]> {
  const results: ValidationResult[] = [];
  const parsed = inputs.map(({ file, text }) => parseDefinitions(text, file));
  for (const result of parsed) {
    for (const problem of result.problems) {
      results.push({
        file: problem.file,
        line: problem.line,
        group: null,
        ok: false,
        problems: [`${problem.path ? `${problem.path}: ` : ""}${problem.message} (column ${problem.column})`],
      });
    }
  }
  return [...results, ...(await checkLive(parsed.flatMap((result) => result.definitions)))].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
  );
}

/** Each definition against its live MV: one catalog statement for all of them. */
async function checkLive(definitions: { file: string; line: number; definition: FeatureGroupDefinition }[]): Promise<ValidationResult[]> {
  const columns = await listColumns([...new Set(definitions.map((item) => item.definition.materialized_view))]);
  return definitions.map((item) => {
    const problems = describeProblems(checkSchema(item.definition, columns.get(item.definition.materialized_view) ?? null));
    return { file: item.file, line: item.line, group: item.definition.name, ok: problems.length === 0, problems };
  });
}

/**
 * The groups a dbt manifest declares, checked as YAML definitions are: a model's problems (its
 * meta.tideline block, its columns) first, then each group against its live MV. A result's file is
 * the model's unique_id; an unreadable manifest throws (ManifestError).
 */
export async function validateDbtManifest(text: string): Promise<ValidationResult[]> {
  const { groups, problems } = groupsOfManifest(readManifest(text));
  const failed = new Set(problems.map((problem) => problem.uniqueId));
  const unparsed = [...failed].map((uniqueId) => ({
    file: uniqueId,
    line: 0,
    group: null,
    ok: false,
    problems: problems.filter((problem) => problem.uniqueId === uniqueId).map((problem) => `${problem.path}: ${problem.message}`),
  }));
  const live = await checkLive(groups.map((group) => ({ file: group.uniqueId, line: 0, definition: group.definition })));
  return [...unparsed, ...live].sort((a, b) => a.file.localeCompare(b.file));
}
