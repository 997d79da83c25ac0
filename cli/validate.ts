import { checkSchema, describeProblems } from "../lib/groups/schema-check";
import { listColumns } from "../lib/risingwave/catalog";
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
  const definitions = parsed.flatMap((result) => result.definitions);
  const columns = await listColumns([...new Set(definitions.map((item) => item.definition.materialized_view))]);
  for (const item of definitions) {
    const check = checkSchema(item.definition, columns.get(item.definition.materialized_view) ?? null);
    const problems = describeProblems(check);
    results.push({ file: item.file, line: item.line, group: item.definition.name, ok: problems.length === 0, problems });
  }
  return results.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
