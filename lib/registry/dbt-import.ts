import "server-only";
import { groupsOfManifest, type DbtCandidate, type DbtGroup, type DbtGroups, type DbtProblem } from "../dbt/groups";
import { lineageOfManifest } from "../dbt/lineage";
import type { DbtManifest } from "../dbt/manifest";
import { AppError } from "../errors";
import { liveSchemaIssues } from "../groups/live-check";
import { planChange, type ChangePlan } from "../groups/plan";
import { saveDbtProject } from "./dbt-projects";
import { getGroups, upsertDefinitions, type RegistryWriter, type StoredDefinition } from "./groups";

export type DbtPlanItem = {
  uniqueId: string;
  file: string;
  name: string;
  kind: ChangePlan["kind"] | "conflict";
  plan: ChangePlan | null;
  /** Why a conflict cannot be imported. */
  reason: string | null;
};
export type DbtImportPlan = {
  project: string;
  generatedAt: string;
  items: DbtPlanItem[];
  candidates: DbtCandidate[];
  problems: DbtProblem[];
  summary: Record<DbtPlanItem["kind"], number>;
};

const ownerOf = (definition: { team?: string; owner: string }) => definition.team ?? definition.owner;

/** Why the manifest may not write this group: it lives elsewhere, or another team owns it. */
function conflictOf(stored: StoredDefinition | undefined, group: DbtGroup): string | null {
  if (!stored) return null;
  const { origin } = stored;
  if (origin.kind === "yaml")
    return `${group.definition.name} is defined in YAML (${origin.ref ?? "a file"}): change it there, or delete it before dbt takes it over`;
  if (origin.kind === "ui") return `${group.definition.name} was registered in Tideline's UI: delete it before dbt takes it over`;
  if (origin.ref !== group.uniqueId) return `${group.definition.name} is declared by another dbt model (${origin.ref ?? "unknown"})`;
  if (ownerOf(stored.definition) !== ownerOf(group.definition))
    return `${group.definition.name} belongs to ${ownerOf(stored.definition)}; the manifest gives it to ${ownerOf(group.definition)} (hand it over in the registry first)`;
  return null;
}

/** What importing the manifest would do, without writing: per model create / update / unchanged / conflict. */
export async function planDbtImport(manifest: DbtManifest, declared: DbtGroups = groupsOfManifest(manifest)): Promise<DbtImportPlan> {
  const { groups, candidates } = declared;
  const problems = [...declared.problems];
  const stored = await getGroups(groups.map((group) => group.definition.name));
  const items: DbtPlanItem[] = groups.map((group) => {
    const existing = stored.get(group.definition.name);
    const reason = conflictOf(existing, group);
    const plan = reason ? null : planChange(existing?.definition ?? null, group.definition);
    return { uniqueId: group.uniqueId, file: group.file, name: group.definition.name, kind: plan?.kind ?? "conflict", plan, reason };
  });
  // What would be written must match its live MV, as for YAML (tideline validate's checks).
  const written = groups.filter((_, index) => items[index]?.kind === "create" || items[index]?.kind === "update");
  const schemaProblems = await liveSchemaIssues(written.map((group) => group.definition));
  for (const group of written)
    for (const issue of schemaProblems.get(group.definition.name) ?? [])
      problems.push({ uniqueId: group.uniqueId, path: issue.path, message: issue.message });
  const summary = { create: 0, update: 0, unchanged: 0, conflict: 0 };
  for (const item of items) summary[item.kind] += 1;
  return { project: manifest.project, generatedAt: manifest.generatedAt, items, candidates, problems, summary };
}

/**
 * Applies the manifest in one transaction (its groups, then its lineage), or nothing: 422 when a
 * model has problems, 409 when one conflicts. Audit entries name the project and the manifest's time.
 */
export async function applyDbtImport(manifest: DbtManifest, actor: RegistryWriter, declared: DbtGroups = groupsOfManifest(manifest)) {
  const plan = await planDbtImport(manifest, declared);
  if (plan.problems.length > 0)
    throw new AppError(
      422,
      `${plan.problems.length} problem(s) in the manifest's models; nothing was imported`,
      plan.problems.map((problem) => ({ path: `${problem.uniqueId}:${problem.path}`, message: problem.message })),
    );
  const conflicts = plan.items.filter((item) => item.kind === "conflict");
  if (conflicts.length > 0)
    throw new AppError(
      409,
      `${conflicts.length} model(s) conflict with registered groups; nothing was imported`,
      conflicts.map((item) => ({ path: item.uniqueId, message: item.reason ?? "conflict" })),
    );
  const context = `dbt project ${manifest.project}, manifest generated ${manifest.generatedAt}`;
  // Groups the plan found unchanged are not read again in the transaction: a re-import of a large
  // manifest costs its plan, not a second read of every group.
  const unchanged = new Set(plan.items.filter((item) => item.kind === "unchanged").map((item) => item.name));
  const changed = declared.groups.filter((group) => !unchanged.has(group.definition.name));
  const outcome = await upsertDefinitions(
    changed.map((group) => ({ definition: group.definition, source: { origin: { kind: "dbt" as const, ref: group.uniqueId }, context } })),
    actor,
    (tx) =>
      saveDbtProject(tx, {
        name: manifest.project,
        generatedAt: manifest.generatedAt,
        dbtVersion: manifest.dbtVersion,
        lineage: lineageOfManifest(manifest),
        importedBy: actor.name,
      }),
  );
  outcome.unchanged.push(...unchanged);
  return { plan, outcome };
}
