import "server-only";
import { env } from "../env";
import { applyDriftRetention, saveDriftRuns } from "../registry/drift-runs";
import { listAllDefinitions } from "../registry/groups";
import { listRelations } from "../risingwave/catalog";
import { readMvRowCounts, readSinksOfMany } from "../risingwave/entity";
import { measureGroupDrift, type GroupDrift } from "./measure";

export type DriftCycleResult = {
  groups: number;
  breaches: number;
  risingwaveStatements: number;
  trainingRows: number;
  durationMs: number;
  results: GroupDrift[];
};

/** Groups measured at once: the RisingWave pool holds 10 connections, the board and lookups need some. */
const CONCURRENCY = 4;

/**
 * One drift cycle: three catalog statements for all groups (columns, sinks, row counts), then one
 * statement per group, its archive snapshot and one Redis pipeline; every result stored.
 */
export async function runDriftCycle(now = Date.now()): Promise<DriftCycleResult> {
  const started = performance.now();
  const definitions = (await listAllDefinitions()).filter((definition) => definition.status === "active");
  const mvs = [...new Set(definitions.map((definition) => definition.materialized_view))];
  const [relations, sinks, rowCounts] = await Promise.all([listRelations(mvs), readSinksOfMany(mvs), readMvRowCounts(mvs)]);
  const limits = { sampleSize: env.DRIFT_SAMPLE_SIZE, maxLiveRows: env.DRIFT_MAX_LIVE_ROWS, maxTrainingRows: env.DRIFT_MAX_TRAINING_ROWS };
  const results: GroupDrift[] = [];
  for (let index = 0; index < definitions.length; index += CONCURRENCY) {
    const batch = definitions.slice(index, index + CONCURRENCY);
    results.push(
      ...(await Promise.all(
        batch.map((definition) =>
          measureGroupDrift(
            definition,
            {
              relation: relations.get(definition.materialized_view),
              sinks: sinks.get(definition.materialized_view) ?? [],
              rowCount: rowCounts.get(definition.materialized_view) ?? null,
            },
            limits,
            now,
          ),
        ),
      )),
    );
  }
  await saveDriftRuns(results);
  await applyDriftRetention(new Date(now));
  return {
    groups: results.length,
    breaches: results.filter((result) => result.status === "breach").length,
    risingwaveStatements: 3 + results.reduce((sum, result) => sum + result.risingwaveStatements, 0),
    trainingRows: results.reduce((sum, result) => sum + (result.training?.rows ?? 0), 0),
    durationMs: Math.round(performance.now() - started),
    results,
  };
}
