import "server-only";
import { notFound } from "../errors";
import { driftHistory, latestDriftSummaries, type DriftSummary } from "../registry/drift-runs";
import { getGroup } from "../registry/groups";
import type { DriftStatus } from "./assess";
import type { GroupDrift } from "./measure";

const HISTORY_DAYS = 30;

export type DriftPoint = { at: string; status: DriftStatus; features: Record<string, { status: DriftStatus; distance: number | null }> };

/** The group page's drift: the newest run in full, and each run's per-feature status and training↔live distance. */
export async function groupDriftView(
  name: string,
  now = Date.now(),
): Promise<{ group: string; latest: GroupDrift | null; history: DriftPoint[] }> {
  const group = await getGroup(name);
  if (!group) throw notFound(`feature group ${name}`);
  const runs = await driftHistory(name, new Date(now - HISTORY_DAYS * 86_400_000));
  return {
    group: name,
    latest: runs[runs.length - 1] ?? null,
    history: runs.map((run) => ({
      at: run.measuredAt,
      status: run.status,
      features: Object.fromEntries(
        run.features.map((feature) => [feature.name, { status: feature.status, distance: feature.pairs.training_live.distance }]),
      ),
    })),
  };
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
