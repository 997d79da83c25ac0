import "server-only";
import { keyColumnsOf } from "../entity-keys/resolve";
import { AppError, notFound } from "../errors";
import { maskDefinition } from "../lineage/mask";
import { epochToUnixMs } from "../observability/epoch";
import { parseProgress } from "../observability/progress";
import { latestRedisStats } from "../observability/redis-collector";
import { getGroup } from "../registry/groups";
import { groupsServedBy } from "../registry/outlines";
import type { FeatureGroupDefinition } from "../schemas/feature-group";
import { listRelations } from "../risingwave/catalog";
import { readVersionFamily, readVersionSample, type VersionRow } from "../risingwave/versions";
import { blueGreenChecklist, type ChecklistStep } from "./checklist";
import { backfillSecondsLeft } from "./impact";
import { nextVersionName } from "./names";
import { caughtUpVerdict, type SampleComparison, type Verdict, type VersionState } from "./verdict";

export const SAMPLE_ENTITIES = 200;
const MAX_EXAMPLES = 5;

export type VersionsView = {
  group: string;
  /** The stored definition and its version, as read for this view (the page's edit rights come from it). */
  definition: FeatureGroupDefinition;
  version: number;
  /** The MV the registry serves. */
  serving: string;
  versions: (VersionState & { sinks: string[]; serving: boolean })[];
  /** The step from `from` (the older version, perhaps dropped) to `to` (the newer), or to the next `<base>_v<N>` before it exists. */
  from: string;
  to: string;
  verdict: Verdict | null;
  /** The last switch is over: `from` is dropped and `to` serves. */
  completed: boolean;
  comparison: SampleComparison | null;
  checklist: ChecklistStep[];
  impact: {
    backfillRows: number | null;
    secondsLeft: number | null;
    rowsPerSecond: number | null;
    redisKeys: number | null;
    redisBytes: number | null;
    sinks: string[];
    /** MVs built on the old version (and the group each serves, if registered): they must be recreated on the new one too. */
    downstream: { mv: string; group: string | null }[];
  };
};

const stateOf = (row: VersionRow | undefined, name: string): VersionState => ({
  mv: name,
  exists: Boolean(row),
  status: row?.status ?? null,
  progress: row?.progress ? parseProgress(row.progress) : null,
  committedAtMs: row?.committedEpoch ? epochToUnixMs(row.committedEpoch) : null,
  rows: row?.rows ?? null,
});

/** The same entities in both versions, feature by feature (only features both MVs have): two statements. */
async function compareVersions(
  from: VersionRow,
  to: VersionRow,
  entityKeys: string[] | undefined,
  features: string[],
): Promise<SampleComparison | null> {
  const relations = await listRelations([from.name, to.name]);
  const fromColumns = relations.get(from.name)?.columns ?? [];
  const toColumns = new Set((relations.get(to.name)?.columns ?? []).map((column) => column.name));
  const keys = keyColumnsOf(entityKeys, fromColumns);
  if (keys.missing || keys.columns.some((column) => !toColumns.has(column.name))) return null;
  const keyNames = keys.columns.map((column) => column.name);
  const shared = features.filter((feature) => fromColumns.some((column) => column.name === feature) && toColumns.has(feature));
  const sample = await readVersionSample(from, keyNames, shared, { size: SAMPLE_ENTITIES });
  const other = new Map(
    (await readVersionSample(to, keyNames, shared, { keys: sample.map((row) => row.key) })).map((row) => [row.key, row]),
  );
  const comparison: SampleComparison = { sampled: sample.length, equal: 0, missing: 0, byFeature: {}, examples: [] };
  for (const row of sample) {
    const match = other.get(row.key);
    if (!match) {
      comparison.missing += 1;
      continue;
    }
    const differing = shared.filter((feature) => row.values[feature] !== match.values[feature]);
    if (differing.length === 0) comparison.equal += 1;
    for (const feature of differing) {
      comparison.byFeature[feature] = (comparison.byFeature[feature] ?? 0) + 1;
      if (comparison.examples.length < MAX_EXAMPLES)
        comparison.examples.push({ key: row.key, feature, serving: row.values[feature] ?? null, candidate: match.values[feature] ?? null });
    }
  }
  return comparison;
}

/**
 * A group's versions (its MV, the registry's `versions` and each <base>_v<N> in the catalog), the step between the two newest
 * with its caught-up verdict, the checklist and the impact: a bounded number of statements (family,
 * sinks, columns, two samples).
 */
export async function versionsView(name: string, nowMs = Date.now()): Promise<VersionsView> {
  const stored = await getGroup(name);
  if (!stored) throw notFound(`Feature group ${name}`);
  const { definition } = stored;
  const serving = definition.materialized_view;
  const family = await readVersionFamily(serving, definition.versions ?? []);
  const byName = new Map(family.map((row) => [row.name, row]));
  // The step shown: towards the newest version other than the serving one, or from the one before it once switched.
  const names = family.map((row) => row.name);
  const servingIndex = names.indexOf(serving);
  const newer = names.slice(servingIndex + 1).at(-1);
  const older = servingIndex > 0 ? names[servingIndex - 1] : undefined;
  // Declared versions gone from the catalog: the last switch's old version, dropped (its checklist ends there).
  const dropped = (definition.versions ?? []).filter((mv) => !byName.has(mv));
  const from = newer ? serving : (older ?? dropped.at(-1) ?? serving);
  const to = newer ?? (older || dropped.length > 0 ? serving : nextVersionName(serving, names));
  const fromRow = byName.get(from);
  const toRow = byName.get(to);
  const states = { from: stateOf(fromRow, from), to: stateOf(toRow, to) };
  const comparison =
    fromRow && toRow && toRow.status === "Created"
      ? await compareVersions(
          fromRow,
          toRow,
          definition.entity?.keys,
          definition.features.map((feature) => feature.name),
        )
      : null;
  const verdict =
    from === to || !fromRow
      ? null
      : caughtUpVerdict({ serving: states.from, candidate: states.to, slaSeconds: definition.freshness_sla_seconds, nowMs, comparison });
  const downstreamGroups = await groupsServedBy(fromRow?.downstream ?? []);
  const redis = latestRedisStats().stats?.groups.find((entry) => entry.group === name);
  const sinkPatterns = redis?.patterns.filter((pattern) => pattern.role !== "cache") ?? [];
  return {
    group: name,
    definition,
    version: stored.version,
    serving,
    versions: [
      ...family.map((row) => ({ ...stateOf(row, row.name), sinks: row.sinks.map((sink) => sink.name), serving: row.name === serving })),
      ...dropped.map((mv) => ({ ...stateOf(undefined, mv), sinks: [], serving: false })),
    ],
    from,
    to,
    verdict,
    completed: !fromRow && dropped.includes(from),
    comparison,
    checklist: blueGreenChecklist({
      serving: {
        name: from,
        definition: maskDefinition(fromRow?.definition ?? ""),
        sinks: (fromRow?.sinks ?? []).map((sink) => ({ ...sink, definition: maskDefinition(sink.definition) })),
      },
      candidate: { name: to, exists: Boolean(toRow), sinks: toRow?.sinks.map((sink) => sink.name) ?? [] },
      caughtUp: verdict?.caughtUp ?? false,
      registryServes: serving,
      remaining: new Set(family.flatMap((row) => [row.name, ...row.sinks.map((sink) => sink.name)])),
    }),
    impact: {
      backfillRows: fromRow?.rows ?? null,
      ...backfillSecondsLeft({
        progress: states.to.progress,
        startedMs: toRow?.backfillStartedMs ?? null,
        nowMs,
        servingRows: fromRow?.rows ?? null,
      }),
      redisKeys: sinkPatterns.length ? sinkPatterns.reduce((sum, pattern) => sum + pattern.keys.count, 0) : null,
      redisBytes: sinkPatterns.length ? sinkPatterns.reduce((sum, pattern) => sum + (pattern.memoryBytes ?? 0), 0) : null,
      sinks: (fromRow?.sinks ?? []).map((sink) => sink.name),
      downstream: (fromRow?.downstream ?? []).map((mv) => ({ mv, group: downstreamGroups.get(mv) ?? null })),
    },
  };
}

/** Refuses a switch to an MV outside the family, not created, or (forward) not caught up: the verdict's failing checks say why. */
export async function assertSwitchable(name: string, mv: string): Promise<void> {
  const view = await versionsView(name);
  const target = view.versions.find((version) => version.mv === mv);
  if (!target || target.serving || target.status !== "Created")
    throw new AppError(409, `${mv} is not a created version of ${name} other than the serving one`, [
      { path: "mv", message: "not switchable" },
    ]);
  const forward = view.versions.findIndex((version) => version.mv === mv) > view.versions.findIndex((version) => version.serving);
  if (forward && !(view.to === mv && view.verdict?.caughtUp))
    throw new AppError(
      409,
      `${mv} has not caught up: ${
        (view.verdict?.checks ?? [])
          .filter((check) => !check.ok)
          .map((check) => check.detail)
          .join("; ") || "no verdict"
      }`,
    );
}
