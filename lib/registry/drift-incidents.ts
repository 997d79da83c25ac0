import "server-only";
import { getPrisma } from "../db";
import type { DriftFinding } from "../drift/alarm";
import type { DriftStatus } from "../drift/assess";
import { DRIFT_KIND } from "../incident-kinds";

/** A group's drift as the cycle measured it, with what breaches in words. */
export type DriftAlarm = { group: string; owner: string; status: DriftStatus; cause: string | null; findings: DriftFinding[] };
export type DriftIncidentEvent = {
  event: "opened" | "closed";
  incidentId: string;
  groupName: string;
  owner: string;
  openedAt: Date;
  closedAt: Date | null;
  cause: string | null;
  findings: DriftFinding[];
};

/**
 * Opens a drift incident when a group's drift reaches breach and closes it when it is back under
 * (unknown keeps it open: nothing was measured); a group no longer measured (deleted, deprecated)
 * ends it too. While open, the cause follows the newest breach. A constant number of statements;
 * the partial unique index keeps one open drift incident per group.
 */
export async function syncDriftIncidents(alarms: DriftAlarm[], now: Date): Promise<DriftIncidentEvent[]> {
  return getPrisma().$transaction(async (tx) => {
    const open = await tx.incident.findMany({ where: { closedAt: null, kind: DRIFT_KIND } });
    const openByGroup = new Map(open.map((incident) => [incident.groupName, incident]));
    const byGroup = new Map(alarms.map((alarm) => [alarm.group, alarm]));
    const events: DriftIncidentEvent[] = [];

    const breaching = alarms.filter((alarm) => alarm.status === "breach");
    const starting = breaching.filter((alarm) => !openByGroup.has(alarm.group));
    if (starting.length > 0) {
      const created = await tx.incident.createManyAndReturn({
        data: starting.map((alarm) => ({
          groupName: alarm.group,
          owner: alarm.owner,
          openedAt: now,
          slaSeconds: 0,
          peakFreshnessSeconds: 0,
          kind: DRIFT_KIND,
          cause: alarm.cause,
        })),
        skipDuplicates: true,
      });
      for (const incident of created)
        events.push({
          event: "opened",
          incidentId: incident.id,
          groupName: incident.groupName,
          owner: incident.owner,
          openedAt: now,
          closedAt: null,
          cause: incident.cause,
          findings: byGroup.get(incident.groupName)?.findings ?? [],
        });
    }

    const ongoing = breaching.filter((alarm) => openByGroup.has(alarm.group));
    if (ongoing.length > 0)
      await tx.$executeRaw`
        UPDATE "Incident" AS i SET "cause" = v.cause
        FROM unnest(${ongoing.map((alarm) => alarm.group)}::text[], ${ongoing.map((alarm) => alarm.cause)}::text[]) AS v(name, cause)
        WHERE i."groupName" = v.name AND i."closedAt" IS NULL AND i."kind" = ${DRIFT_KIND}`;

    const ending = open.filter((incident) => {
      const alarm = byGroup.get(incident.groupName);
      return !alarm || alarm.status === "ok" || alarm.status === "warning";
    });
    if (ending.length > 0) {
      await tx.incident.updateMany({ where: { id: { in: ending.map((incident) => incident.id) } }, data: { closedAt: now } });
      for (const incident of ending)
        events.push({
          event: "closed",
          incidentId: incident.id,
          groupName: incident.groupName,
          owner: incident.owner,
          openedAt: incident.openedAt,
          closedAt: now,
          cause: incident.cause,
          findings: [],
        });
    }
    return events;
  });
}
