import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "../db";
import type { DriftStatus } from "../drift/assess";
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

export type DriftSummary = {
  group: string;
  measuredAt: string;
  status: DriftStatus;
  mismatchRate: number | null;
  /** Features in warning or breach. */
  drifting: { name: string; status: DriftStatus }[];
};

/**
 * Each group's newest run in brief (one query: the newest row per group first, then only its
 * drifting features out of the stored JSON), for all groups or the named ones.
 */
export async function latestDriftSummaries(names?: string[]): Promise<DriftSummary[]> {
  const rows = await getPrisma().$queryRaw<
    { group: string; at: Date; status: DriftStatus; mismatchRate: number | null; drifting: DriftSummary["drifting"] }[]
  >`
    WITH latest AS (
      SELECT DISTINCT ON ("groupName") "groupName", "at", "status", "mismatchRate", "result"
      FROM "DriftRun"
      WHERE ${names ?? null}::text[] IS NULL OR "groupName" = ANY(${names ?? null}::text[])
      ORDER BY "groupName", "at" DESC
    )
    SELECT l."groupName" AS "group", l."at", l."status", l."mismatchRate",
      (SELECT coalesce(jsonb_agg(jsonb_build_object('name', f ->> 'name', 'status', f ->> 'status')), '[]'::jsonb)
       FROM jsonb_array_elements(l."result" -> 'features') AS f
       WHERE f ->> 'status' IN ('warning', 'breach')) AS drifting
    FROM latest AS l
    ORDER BY l."groupName"`;
  return rows.map((row) => ({
    group: row.group,
    measuredAt: row.at.toISOString(),
    status: row.status,
    mismatchRate: row.mismatchRate,
    drifting: row.drifting,
  }));
}

/** A group's newest run, in full (the drift page's table, overlay and parity). */
export async function latestDriftRun(group: string): Promise<GroupDrift | null> {
  const row = await getPrisma().driftRun.findFirst({ where: { groupName: group }, orderBy: { at: "desc" }, select: { result: true } });
  return row ? (row.result as unknown as GroupDrift) : null;
}

export type DriftPoint = { at: string; status: DriftStatus; features: Record<string, { status: DriftStatus; distance: number | null }> };

/**
 * A group's runs since `since`, oldest first, as each feature's status and training↔live distance:
 * projected in SQL, so 30 days of runs (8,640 at the demo's 5 minutes) never load their full results.
 */
export async function driftHistory(group: string, since: Date): Promise<DriftPoint[]> {
  const rows = await getPrisma().$queryRaw<{ at: Date; status: DriftStatus; features: DriftPoint["features"] }[]>`
    SELECT "at", "status",
      (SELECT coalesce(jsonb_object_agg(f ->> 'name', jsonb_build_object('status', f ->> 'status', 'distance', f -> 'pairs' -> 'training_live' -> 'distance')), '{}'::jsonb)
       FROM jsonb_array_elements("result" -> 'features') AS f) AS features
    FROM "DriftRun"
    WHERE "groupName" = ${group} AND "at" >= ${since}
    ORDER BY "at"`;
  return rows.map((row) => ({ at: row.at.toISOString(), status: row.status, features: row.features }));
}

export async function applyDriftRetention(now: Date): Promise<number> {
  const { count } = await getPrisma().driftRun.deleteMany({
    where: { at: { lt: new Date(now.getTime() - DRIFT_RETENTION_DAYS * 86_400_000) } },
  });
  return count;
}
