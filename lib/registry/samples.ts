import "server-only";
import { getPrisma } from "../db";
import type { GroupFreshness } from "../observability/assess";
import { listIncidents } from "./incidents";

export async function recordSamples(groups: GroupFreshness[], at: Date): Promise<void> {
  if (groups.length === 0) return;
  await getPrisma().freshnessSample.createMany({
    data: groups.map((group) => ({
      groupName: group.name,
      at,
      resolutionSeconds: 0,
      status: group.status,
      slaSeconds: group.slaSeconds,
      freshnessSeconds: group.freshnessSeconds,
      processingFreshnessSeconds: group.processingFreshnessSeconds,
      eventFreshnessSeconds: group.eventFreshnessSeconds,
      kafkaLag: group.sources.reduce<bigint | null>(
        (sum, source) => (source.lagMessages === null ? sum : (sum ?? 0n) + BigInt(source.lagMessages)),
        null,
      ),
    })),
  });
}

/**
 * Retention and downsampling, so 1,000 groups × 7 days stays small: raw samples live 1 hour, then
 * fold into 5-minute buckets that live 24 hours, then into 1-hour buckets kept 7 days. A bucket
 * keeps the worst status and the highest freshness of what it replaces. Cut-offs are aligned to
 * bucket edges, so a bucket is written once, from complete data.
 */
export async function applyRetention(now: Date): Promise<void> {
  const prisma = getPrisma();
  const fold = (from: number, to: number, keepSeconds: number) =>
    prisma.$transaction([
      prisma.$executeRaw`
      INSERT INTO "FreshnessSample" ("groupName", "at", "resolutionSeconds", "status", "freshnessSeconds", "processingFreshnessSeconds", "eventFreshnessSeconds", "kafkaLag", "slaSeconds")
      SELECT "groupName", date_bin(make_interval(secs => ${to}), "at", TIMESTAMP '2000-01-01'), ${to},
             (array_agg("status" ORDER BY CASE "status" WHEN 'breach' THEN 0 WHEN 'degraded' THEN 1 WHEN 'warning' THEN 2 WHEN 'unknown' THEN 3 ELSE 4 END))[1],
             max("freshnessSeconds"), max("processingFreshnessSeconds"), max("eventFreshnessSeconds"), max("kafkaLag"), max("slaSeconds")
      FROM "FreshnessSample"
      WHERE "resolutionSeconds" = ${from} AND "at" < date_bin(make_interval(secs => ${to}), ${now}::timestamp - make_interval(secs => ${keepSeconds}), TIMESTAMP '2000-01-01')
      GROUP BY 1, 2`,
      prisma.$executeRaw`
      DELETE FROM "FreshnessSample"
      WHERE "resolutionSeconds" = ${from} AND "at" < date_bin(make_interval(secs => ${to}), ${now}::timestamp - make_interval(secs => ${keepSeconds}), TIMESTAMP '2000-01-01')`,
    ]);
  await fold(0, 300, 3_600);
  await fold(300, 3_600, 86_400);
  await prisma.$executeRaw`DELETE FROM "FreshnessSample" WHERE "resolutionSeconds" = 3600 AND "at" < ${now}::timestamp - interval '7 days'`;
}

export type SeriesPoint = { at: Date; freshnessSeconds: number | null; status: string; resolutionSeconds: number; slaSeconds: number };

/** One group's samples over a window, every resolution (they do not overlap in time). */
export async function listSeries(groupName: string, windowSeconds: number, now: Date): Promise<SeriesPoint[]> {
  return getPrisma().freshnessSample.findMany({
    where: { groupName, at: { gte: new Date(now.getTime() - windowSeconds * 1000) } },
    orderBy: { at: "asc" },
    select: { at: true, freshnessSeconds: true, status: true, resolutionSeconds: true, slaSeconds: true },
  });
}

/** A group's chart and incident history for one window, measured against one clock reading. */
export async function loadFreshnessHistory(groupName: string, windowSeconds: number) {
  const now = new Date();
  const [series, incidents] = await Promise.all([listSeries(groupName, windowSeconds, now), listIncidents({ groupName, limit: 50 })]);
  return { now: now.getTime(), from: now.getTime() - windowSeconds * 1000, series, incidents };
}
