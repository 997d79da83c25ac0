import "server-only";
import { getPrisma } from "../db";
import { DRIFT_KIND } from "../incident-kinds";
import type { GroupFreshness } from "../observability/assess";

export type IncidentEvent = {
  event: "opened" | "closed";
  incidentId: string;
  group: GroupFreshness;
  openedAt: Date;
  closedAt: Date | null;
  peakFreshnessSeconds: number;
  kind: string;
  cause: string | null;
};

/** Statuses that open an incident: late in RisingWave, or serving stale values from Redis. */
const isIncident = (group: GroupFreshness) => group.status === "breach" || group.status === "degraded";

/**
 * Opens an incident when a group starts breaching or serving stale values, and closes it when it
 * stops (unknown keeps it open: we cannot tell). The incident keeps the worst kind seen and the
 * cause at its peak. A constant number of statements whatever the number of groups; the
 * partial unique index keeps one open freshness incident per group even with two collectors.
 */
export async function syncIncidents(groups: GroupFreshness[], now: Date): Promise<IncidentEvent[]> {
  return getPrisma().$transaction(async (tx) => {
    const open = await tx.incident.findMany({ where: { closedAt: null, kind: { not: DRIFT_KIND } } });
    const openByGroup = new Map(open.map((incident) => [incident.groupName, incident]));
    const byName = new Map(groups.map((group) => [group.name, group]));
    const events: IncidentEvent[] = [];

    const starting = groups.filter((group) => isIncident(group) && !openByGroup.has(group.name));
    if (starting.length > 0) {
      const created = await tx.incident.createManyAndReturn({
        data: starting.map((group) => ({
          groupName: group.name,
          owner: group.owner,
          openedAt: now,
          slaSeconds: group.slaSeconds,
          peakFreshnessSeconds: group.freshnessSeconds ?? 0,
          kind: group.status,
          cause: group.cause?.text ?? null,
        })),
        skipDuplicates: true,
      });
      for (const incident of created)
        events.push({
          event: "opened",
          incidentId: incident.id,
          group: byName.get(incident.groupName) as GroupFreshness,
          openedAt: now,
          closedAt: null,
          peakFreshnessSeconds: incident.peakFreshnessSeconds,
          kind: incident.kind,
          cause: incident.cause,
        });
    }

    const ongoing = groups.filter((group) => isIncident(group) && openByGroup.has(group.name));
    if (ongoing.length > 0) {
      // A breach outranks serving stale: the kind only escalates. The cause is the one measured at the
      // peak, not the last one (after a resume, a cached event time can outlive the real cause).
      await tx.$executeRaw`
        UPDATE "Incident" AS i
        SET "peakFreshnessSeconds" = GREATEST(i."peakFreshnessSeconds", COALESCE(v.freshness, 0)),
            "kind" = CASE WHEN v.kind = 'breach' THEN 'breach' ELSE i."kind" END,
            "cause" = CASE WHEN COALESCE(v.freshness, 0) >= i."peakFreshnessSeconds" THEN COALESCE(v.cause, i."cause") ELSE i."cause" END
        FROM unnest(
          ${ongoing.map((group) => group.name)}::text[],
          ${ongoing.map((group) => group.freshnessSeconds)}::float8[],
          ${ongoing.map((group) => group.status)}::text[],
          ${ongoing.map((group) => group.cause?.text ?? null)}::text[]
        ) AS v(name, freshness, kind, cause)
        WHERE i."groupName" = v.name AND i."closedAt" IS NULL AND i."kind" <> ${DRIFT_KIND}`;
    }

    // A group that left the registry (deleted, deprecated) also ends its incident.
    const ending = open.filter((incident) => {
      const group = byName.get(incident.groupName);
      return !group || (!isIncident(group) && group.status !== "unknown");
    });
    if (ending.length > 0) {
      await tx.incident.updateMany({ where: { id: { in: ending.map((incident) => incident.id) } }, data: { closedAt: now } });
      for (const incident of ending) {
        const group = byName.get(incident.groupName);
        if (group)
          events.push({
            event: "closed",
            incidentId: incident.id,
            group,
            openedAt: incident.openedAt,
            closedAt: now,
            peakFreshnessSeconds: incident.peakFreshnessSeconds,
            kind: incident.kind,
            cause: incident.cause,
          });
      }
    }
    return events;
  });
}

export type IncidentRow = {
  id: string;
  groupName: string;
  owner: string;
  openedAt: Date;
  closedAt: Date | null;
  slaSeconds: number;
  peakFreshnessSeconds: number;
  kind: string;
  cause: string | null;
};

export async function listIncidents(options: { openOnly?: boolean; groupName?: string; limit?: number }): Promise<IncidentRow[]> {
  return getPrisma().incident.findMany({
    where: { ...(options.openOnly ? { closedAt: null } : {}), ...(options.groupName ? { groupName: options.groupName } : {}) },
    orderBy: { openedAt: "desc" },
    take: options.limit ?? 50,
    select: {
      id: true,
      groupName: true,
      owner: true,
      openedAt: true,
      closedAt: true,
      slaSeconds: true,
      peakFreshnessSeconds: true,
      kind: true,
      cause: true,
    },
  });
}
