import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "../db";
import type { DbtLineage, DbtProjectLineage } from "../dbt/lineage";

/** Stores a project's lineage from its manifest; the same manifest again writes nothing. */
export async function saveDbtProject(
  tx: Prisma.TransactionClient,
  project: { name: string; generatedAt: string; dbtVersion: string | null; lineage: DbtLineage; importedBy: string },
): Promise<void> {
  const stored = await tx.dbtProject.findUnique({ where: { name: project.name } });
  if (stored && stored.generatedAt === project.generatedAt && isDeepStrictEqual(stored.lineage, project.lineage)) return;
  const data = {
    generatedAt: project.generatedAt,
    dbtVersion: project.dbtVersion,
    lineage: project.lineage as unknown as Prisma.InputJsonValue,
    importedBy: project.importedBy,
    importedAt: new Date(),
  };
  await tx.dbtProject.upsert({ where: { name: project.name }, create: { name: project.name, ...data }, update: data });
}

/** Every imported project's lineage (the lineage graph merges them): one query. */
export async function listDbtLineage(): Promise<DbtProjectLineage[]> {
  const projects = await getPrisma().dbtProject.findMany({ orderBy: { name: "asc" } });
  return projects.map((project) => ({ project: project.name, ...(project.lineage as unknown as DbtLineage) }));
}
