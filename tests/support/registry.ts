// The demo's feature definitions (features/*.yaml) for tests and benchmarks. App modules are imported
// inside the functions, so callers can point the app's environment at their emulator first.
import { readdirSync, readFileSync } from "node:fs";
import type { FeatureGroupDefinition } from "@/lib/schemas/feature-group";

/** The definition of group `name` in features/ (files are named freely: the article's is user_engagement.yaml). */
export async function demoDefinition(name: string): Promise<FeatureGroupDefinition> {
  const { parseDefinitions } = await import("@/lib/yaml/definitions");
  for (const file of readdirSync("features").filter((entry) => entry.endsWith(".yaml"))) {
    const found = parseDefinitions(readFileSync(`features/${file}`, "utf8")).definitions.find((parsed) => parsed.definition.name === name);
    if (found) return found.definition;
  }
  throw new Error(`no definition of ${name} in features/`);
}

/** This file owns the run's registry while it runs (files run one after another): only these groups, each with its SLA. */
export async function registerDemoGroups(slaSeconds: Record<string, number | undefined>): Promise<void> {
  const { getPrisma } = await import("@/lib/db");
  const { upsertDefinition } = await import("@/lib/registry/groups");
  const prisma = getPrisma();
  await prisma.featureGroup.deleteMany();
  await prisma.incident.deleteMany();
  await prisma.freshnessSample.deleteMany();
  for (const [name, sla] of Object.entries(slaSeconds)) {
    const definition = await demoDefinition(name);
    await upsertDefinition(sla === undefined ? definition : { ...definition, freshness_sla_seconds: sla }, "test");
  }
}
