import "server-only";
import { notFound } from "../errors";
import { driftHistory, latestDriftRun, latestDriftSummaries, type DriftPoint, type DriftSummary } from "../registry/drift-runs";
import { getGroup } from "../registry/groups";
import type { GroupDrift } from "./measure";

const HISTORY_DAYS = 30;

/** The group page's drift: the newest run in full, and each run's per-feature status and training↔live distance. */
export async function groupDriftView(
  name: string,
  now = Date.now(),
): Promise<{ group: string; latest: GroupDrift | null; history: DriftPoint[] }> {
  const group = await getGroup(name);
  if (!group) throw notFound(`feature group ${name}`);
  const [latest, history] = await Promise.all([latestDriftRun(name), driftHistory(name, new Date(now - HISTORY_DAYS * 86_400_000))]);
  return { group: name, latest, history };
}

/** Every group's newest run, in brief (GET /api/drift): the drifting features worst first. */
export async function latestDriftOverview(): Promise<{ groups: DriftSummary[] }> {
  const runs = await latestDriftSummaries();
  return {
    groups: runs.map((run) => ({
      ...run,
      drifting: [...run.drifting].sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name) : a.status === "breach" ? -1 : 1)),
    })),
  };
}
