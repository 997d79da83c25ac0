import "server-only";
import { archiveFoldersOf } from "../archive/group-archive";
import { readTrainingSample } from "../archive/training-sample";
import { parseKey } from "../entity-keys/parse";
import { decodeRedisValue, entityRedisKeys, keyColumnsOf } from "../entity-keys/resolve";
import { compareLayers, type LayerValues } from "../lookup/compare";
import { readServingValues } from "../redis/serving";
import type { LiveRelation } from "../risingwave/catalog";
import { buildDriftStatement, readLiveDrift, type LiveDriftColumn } from "../risingwave/drift";
import type { SinkInfo } from "../risingwave/entity";
import type { FeatureGroupDefinition } from "../schemas/feature-group";
import {
  assessFeature,
  driftKind,
  liveSummary,
  servedSummary,
  trainingPlan,
  worstStatus,
  type DriftStatus,
  levelOf,
  type FeatureDrift,
} from "./assess";
import { levelsFor } from "./thresholds";

export type ParityExample = {
  key: Record<string, string>;
  feature: string;
  layer: string;
  risingwave: string | null;
  redis: string | null;
  explanation: string;
};
export type Parity = {
  sampled: number;
  /** Sampled entities with at least one Redis value that differs from RisingWave, is missing or mistyped. */
  mismatched: number;
  mismatchRate: number | null;
  byFeature: Record<string, number>;
  examples: ParityExample[];
  status: DriftStatus;
};
export type GroupDrift = {
  group: string;
  measuredAt: string;
  status: DriftStatus;
  training: { partition: string; takenAt: string; rows: number; rowsInPartition: number } | null;
  live: { rows: number; aggregated: boolean } | null;
  features: FeatureDrift[];
  parity: Parity;
  /** Why a side could not be read (archive, RisingWave, Redis), in words. */
  problems: string[];
  risingwaveStatements: number;
};

export type DriftLimits = { sampleSize: number; maxLiveRows: number; maxTrainingRows: number };
const MAX_EXAMPLES = 5;
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A sampled row's text back into the values the lookup compares: timestamps from epoch microseconds. */
function sampleValues(row: Record<string, string | null>, columns: Map<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([column, text]) => {
      const type = columns.get(column) ?? "";
      return [column, text !== null && type.startsWith("timestamp") ? new Date(Number(text) / 1000) : text];
    }),
  );
}

/**
 * One group's drift: the training snapshot (archive), the live MV (one RisingWave statement: the
 * aggregates and a sample) and the served values of the sampled entities (one Redis pipeline), each
 * feature's three pairs, and key-by-key parity of the sample between RisingWave and every Redis key.
 */
export async function measureGroupDrift(
  definition: FeatureGroupDefinition,
  catalog: { relation: LiveRelation | undefined; sinks: SinkInfo[]; rowCount: number | null },
  limits: DriftLimits,
  now = Date.now(),
): Promise<GroupDrift> {
  const problems: string[] = [];
  const measured = definition.features.flatMap((feature) => {
    const kind = driftKind(feature.dtype);
    return kind ? [{ name: feature.name, dtype: feature.dtype, kind }] : [];
  });
  const training = await readTrainingSample(
    archiveFoldersOf(definition, catalog.sinks).map((entry) => entry.folder),
    measured.map((feature) => feature.name),
    limits.maxTrainingRows,
  ).catch((error: unknown) => {
    problems.push(`archive: ${reason(error)}`);
    return null;
  });
  if (!training && problems.length === 0) problems.push("archive: no snapshot partition for this group");
  const relation = catalog.relation;
  const columnTypes = new Map((relation?.columns ?? []).map((column) => [column.name, column.dataType]));
  const keyColumns = relation ? keyColumnsOf(definition.entity?.keys, relation.columns) : null;
  const present = measured.filter((feature) => columnTypes.has(feature.name));
  const plans = new Map(
    present.map((feature) => [
      feature.name,
      trainingPlan(feature.kind, training ? training.rows.map((row) => row[feature.name]) : null, training?.takenAt.getTime() ?? now),
    ]),
  );
  let live: Awaited<ReturnType<typeof readLiveDrift>> | null = null;
  const aggregate = catalog.rowCount === null || catalog.rowCount <= limits.maxLiveRows;
  if (relation && keyColumns && !keyColumns.missing) {
    const sampleColumns = [...new Set([...keyColumns.columns.map((column) => column.name), ...present.map((feature) => feature.name)])].map(
      (name) => ({ name, dataType: columnTypes.get(name) ?? "" }),
    );
    const liveColumns: LiveDriftColumn[] = present.map((feature) => {
      const plan = plans.get(feature.name) as { edges: number[]; categories: string[] };
      return feature.kind === "categorical"
        ? { name: feature.name, kind: "categorical", categories: plan.categories }
        : { name: feature.name, kind: feature.kind, edges: plan.edges };
    });
    const statement = buildDriftStatement(relation, liveColumns, sampleColumns, {
      aggregate,
      sampleSize: limits.sampleSize,
      nowSeconds: now / 1000,
      sampleKeys: keyColumns.columns.map((column) => column.name),
    });
    live = await readLiveDrift(statement).catch((error: unknown) => {
      problems.push(`RisingWave: ${reason(error)}`);
      return null;
    });
    if (!aggregate)
      problems.push(`RisingWave: ${catalog.rowCount} rows is above the cap of ${limits.maxLiveRows}: live statistics skipped, sample read`);
  } else problems.push(relation ? "RisingWave: the MV has no usable key columns" : "RisingWave: the MV was not found");

  // The sampled entities' Redis values: every key of each (sinks and cache), one pipeline.
  const cacheTemplate = definition.redis?.kind === "hash" ? (definition.redis.key_template ?? null) : null;
  const redisSinks = catalog.sinks.filter((sink) => sink.connector === "redis");
  const entities = (live?.sample ?? []).flatMap((row) => {
    const parsed = keyColumns ? parseKey(keyColumns.columns, row as Record<string, string | undefined>) : null;
    return parsed?.ok
      ? [{ row: sampleValues(row, columnTypes), parts: parsed.parts, keys: entityRedisKeys(redisSinks, cacheTemplate, parsed.parts) }]
      : [];
  });
  const reads = entities.flatMap((entity) =>
    entity.keys.map((key) => ({ key: key.key, type: key.role === "cache" ? ("hash" as const) : ("string" as const) })),
  );
  const raw = await readServingValues(reads).catch((error: unknown) => {
    problems.push(`Redis: ${reason(error)}`);
    return null;
  });
  // Each sampled entity that Redis serves: its RisingWave row and its Redis values, side by side.
  const servedPairs: { risingwave: Record<string, unknown>; redis: Record<string, unknown> }[] = [];
  const parity: Parity = { sampled: entities.length, mismatched: 0, mismatchRate: null, byFeature: {}, examples: [], status: "unknown" };
  if (raw) {
    let position = 0;
    const features = present.map((feature) => ({ name: feature.name, dtype: feature.dtype }));
    for (const entity of entities) {
      const layers: LayerValues[] = entity.keys.map((key) => {
        const values = decodeRedisValue(key, raw[position++] ?? null, columnTypes);
        return { id: `${key.source}`, kind: "redis", values, missingReason: "no value at this key", cache: key.role === "cache" };
      });
      const first = layers.find((layer) => layer.values);
      if (first?.values) servedPairs.push({ risingwave: entity.row, redis: first.values });
      const comparison = compareLayers(
        features,
        { id: "risingwave", kind: "risingwave", values: entity.row },
        layers,
        definition.timestamp_column ?? undefined,
        definition.freshness_sla_seconds,
      );
      let mismatched = false;
      for (const feature of comparison)
        for (const layer of layers) {
          const cell = feature.cells[layer.id];
          if (!cell || !["different", "missing", "type_mismatch"].includes(cell.state)) continue;
          mismatched = true;
          parity.byFeature[feature.name] = (parity.byFeature[feature.name] ?? 0) + 1;
          if (parity.examples.length < MAX_EXAMPLES)
            parity.examples.push({
              key: Object.fromEntries(entity.parts.map((part) => [part.column, part.sql])),
              feature: feature.name,
              layer: layer.id,
              risingwave: feature.cells.risingwave?.value ?? null,
              redis: cell.value,
              explanation: cell.explanation ?? cell.state,
            });
        }
      if (mismatched) parity.mismatched += 1;
    }
    parity.mismatchRate = entities.length === 0 ? null : parity.mismatched / entities.length;
    parity.status = levelOf(parity.mismatchRate, levelsFor(definition.drift, "mismatch"));
  }

  const features = present.map((feature) => {
    const plan = plans.get(feature.name) as ReturnType<typeof trainingPlan>;
    const sideOf = (values: unknown[]) => servedSummary(feature.kind, values, now, plan.edges, plan.categories);
    return assessFeature(
      feature,
      { edges: plan.edges, categories: plan.categories },
      {
        training: plan.training,
        live: live?.stats ? liveSummary(live.stats.columns[feature.name], live.stats.rows, plan.categories) : null,
        liveSample: sideOf(servedPairs.map((pair) => pair.risingwave[feature.name])),
        served: sideOf(servedPairs.map((pair) => pair.redis[feature.name])),
      },
      definition.drift,
    );
  });
  const statuses = [...features.map((feature) => feature.status), parity.status].filter((status) => status !== "unknown");
  return {
    group: definition.name,
    measuredAt: new Date(now).toISOString(),
    status: statuses.length === 0 ? "unknown" : worstStatus(statuses),
    training: training
      ? {
          partition: training.partition,
          takenAt: training.takenAt.toISOString(),
          rows: training.rows.length,
          rowsInPartition: training.rowsInPartition,
        }
      : null,
    live: live ? { rows: live.stats?.rows ?? live.sample.length, aggregated: live.stats !== null } : null,
    features,
    parity,
    problems,
    risingwaveStatements: relation && keyColumns && !keyColumns.missing ? 1 : 0,
  };
}
