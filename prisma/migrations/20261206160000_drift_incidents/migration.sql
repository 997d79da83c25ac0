-- A group can drift while it is fresh, and breach its SLA while its values look right: its freshness
-- incident ("breach" or "degraded") and its drift incident ("drift") are apart, at most one open of each.
DROP INDEX "Incident_one_open_per_group";
CREATE UNIQUE INDEX "Incident_one_open_per_group" ON "Incident" ("groupName", ("kind" = 'drift')) WHERE "closedAt" IS NULL;
