import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "../db";
import type { GroupDrift } from "../drift/measure";

/** Drift results are kept this long (the 30 days). */
export const DRIFT_RETENTION_DAYS = 30;

export async function saveDriftRuns(results: GroupDrift[]): Promise<void> {
  if (results.length === 0) return;
  await getPrisma().driftRun.createMany({
    data: results.map((result) => ({
      groupName: result.group,
      at: new Date(result.measuredAt),
      status: result.status,
      mismatchRate: result.parity.mismatchRate,
      result: result as unknown as Prisma.InputJsonValue,
    })),
  });
}

/** Each group's newest run (one query, DISTINCT ON). */
export async function latestDriftRuns(): Promise<GroupDrift[]> {
  const rows = await getPrisma().$queryRaw<{ result: GroupDrift }[]>`
    SELECT DISTINCT ON ("groupName") "result" FROM "DriftRun" ORDER BY "groupName", "at" DESC`;
  return rows.map((row) => row.result);
}

/** A group's runs since `since`, oldest first: the newest in full, the others as each feature's status and distances. */
export async function driftHistory(group: string, since: Date): Promise<GroupDrift[]> {
  const rows = await getPrisma().driftRun.findMany({
    where: { groupName: group, at: { gte: since } },
    orderBy: { at: "asc" },
    select: { result: true },
  });
  return rows.map((row) => row.result as unknown as GroupDrift);
}

export async function applyDriftRetention(now: Date): Promise<number> {
  const { count } = await getPrisma().driftRun.deleteMany({
    where: { at: { lt: new Date(now.getTime() - DRIFT_RETENTION_DAYS * 86_400_000) } },
  });
  return count;
}
