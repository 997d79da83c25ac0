import "server-only";
import { getPrisma } from "../db";
import type { RegisteredGroup } from "../observability/assess";
import type { FreshnessStatus } from "../observability/classify";

/** Groups that carry an SLA (deprecated ones no longer alert). */
export async function listMonitoredGroups(): Promise<RegisteredGroup[]> {
  const groups = await getPrisma().featureGroup.findMany({
    where: { status: { not: "deprecated" } },
    select: { name: true, owner: true, team: true, tags: true, freshnessSlaSeconds: true, materializedView: true, timestampColumn: true },
    orderBy: { name: "asc" },
  });
  return groups.map((group) => ({ ...group, slaSeconds: group.freshnessSlaSeconds }));
}

/** The last collected status of each group (hysteresis, lineage colours), if sampled within `maxAgeSeconds`. */
export async function listPreviousStatuses(maxAgeSeconds = 3_600): Promise<Map<string, FreshnessStatus>> {
  const rows = await getPrisma().$queryRaw<{ groupName: string; status: FreshnessStatus }[]>`
    SELECT DISTINCT ON ("groupName") "groupName", "status" FROM "FreshnessSample"
    WHERE "resolutionSeconds" = 0 AND "at" > now() - make_interval(secs => ${maxAgeSeconds})
    ORDER BY "groupName", "at" DESC`;
  return new Map(rows.map((row) => [row.groupName, row.status]));
}

export async function listOpenIncidentStarts(): Promise<Map<string, Date>> {
  const incidents = await getPrisma().incident.findMany({ where: { closedAt: null }, select: { groupName: true, openedAt: true } });
  return new Map(incidents.map((incident) => [incident.groupName, incident.openedAt]));
}
