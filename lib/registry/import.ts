import "server-only";
import { AppError } from "../errors";
import { liveSchemaIssues } from "../groups/live-check";
import { planChange, type ChangePlan } from "../groups/plan";
import { parseDefinitions, type DefinitionProblem } from "../yaml/definitions";
import { getGroups, upsertDefinitions, type RegistryWriter } from "./groups";

export type ImportItem = { file: string; document: number; line: number; plan: ChangePlan };
export type ImportPlan = { items: ImportItem[]; problems: DefinitionProblem[]; summary: Record<ChangePlan["kind"], number> };

/** What importing these YAML documents would do, without writing anything. */
export async function planImport(documents: { text: string; file: string }[]): Promise<ImportPlan> {
  const parsed = documents.map(({ text, file }) => parseDefinitions(text, file));
  const definitions = parsed.flatMap((result) => result.definitions);
  const problems = parsed.flatMap((result) => result.problems);
  const seen = new Map<string, string>();
  for (const item of definitions) {
    const first = seen.get(item.definition.name);
    if (first)
      problems.push({
        file: item.file,
        document: item.document,
        path: "name",
        line: item.line,
        column: 1,
        message: `${item.definition.name} is defined twice (first in ${first})`,
      });
    seen.set(item.definition.name, `${item.file}:${item.line}`);
  }
  const stored = await getGroups(definitions.map((item) => item.definition.name));
  const items = definitions.map((item) => ({
    file: item.file,
    document: item.document,
    line: item.line,
    plan: planChange(stored.get(item.definition.name)?.definition ?? null, item.definition),
  }));
  // What the import writes is checked against its live MV, as `tideline validate` does: a mismatch is a
  // problem on its line. An unchanged definition writes nothing, so re-importing the registry never fails.
  const written = definitions.filter((_, index) => items[index]?.plan.kind !== "unchanged");
  const schemaProblems = await liveSchemaIssues(written.map((item) => item.definition));
  for (const item of written)
    for (const issue of schemaProblems.get(item.definition.name) ?? [])
      problems.push({ file: item.file, document: item.document, path: issue.path, message: issue.message, ...item.locate(issue.path) });
  const summary = { create: 0, update: 0, unchanged: 0 };
  for (const item of items) summary[item.plan.kind] += 1;
  return { items, problems, summary };
}

/** Applies every document in one transaction, or nothing when any document has a problem. */
export async function applyImport(documents: { text: string; file: string }[], actor: RegistryWriter | string) {
  const plan = await planImport(documents);
  if (plan.problems.length > 0) {
    throw new AppError(
      422,
      `${plan.problems.length} problem(s) in the YAML; nothing was imported`,
      plan.problems.map((problem) => ({
        path: `${problem.file}:${problem.path}`,
        message: problem.message,
        line: problem.line,
        column: problem.column,
      })),
    );
  }
  const items = documents.flatMap(({ text, file }) =>
    parseDefinitions(text, file).definitions.map((item) => ({
      definition: item.definition,
      source: { origin: { kind: "yaml" as const, ref: file } },
    })),
  );
  const outcome = await upsertDefinitions(items, actor);
  return { plan, outcome };
}
