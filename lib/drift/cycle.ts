import "server-only";
import { env } from "../env";
import { driftAlertPayload } from "../observability/alert-message";
import { syncDriftIncidents, type DriftAlarm } from "../registry/drift-incidents";
import { applyDriftRetention, saveDriftRuns } from "../registry/drift-runs";
import { listAllDefinitions } from "../registry/groups";
import { listRelations } from "../risingwave/catalog";
import type { FeatureGroupDefinition } from "../schemas/feature-group";
import { readMvRowCounts, readSinksOfMany } from "../risingwave/entity";
import { enqueueWebhooks } from "../registry/webhooks";
import { breachFindings, describeFindings } from "./alarm";
import { measureGroupDrift, type GroupDrift } from "./measure";

export type DriftCycleResult = {
  groups: number;
  breaches: number;
  opened: number;
  closed: number;
  risingwaveStatements: number;
  trainingRows: number;
  durationMs: number;
  results: GroupDrift[];
};

/** Groups measured at once: the RisingWave pool holds 10 connections, the board and lookups need some. */
const CONCURRENCY = 4;

/**
 * One drift cycle: three catalog statements for all groups (columns, sinks, row counts), then one
 * statement per group, its archive snapshot and one Redis pipeline; every result stored, drift
 * incidents opened and closed, and their messages queued in the webhook outbox the collector sends.
 */
export async function runDriftCycle(now = Date.now(), options: { webhookUrl?: string | undefined } = {}): Promise<DriftCycleResult> {
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
  const alarms: DriftAlarm[] = results.map((result, index) => {
    const definition = definitions[index] as FeatureGroupDefinition;
    const findings = result.status === "breach" ? breachFindings(result, definition.drift) : [];
    return { group: result.group, owner: definition.owner, status: result.status, cause: describeFindings(findings) || null, findings };
  });
  const events = await syncDriftIncidents(alarms, new Date(now));
  const webhookUrl = "webhookUrl" in options ? options.webhookUrl : env.ALERT_WEBHOOK_URL;
  if (webhookUrl)
    await enqueueWebhooks(
      events.map((event) => ({
        incidentId: event.incidentId,
        event: event.event,
        url: webhookUrl,
        payload: driftAlertPayload({ ...event, publicUrl: env.PUBLIC_URL }),
      })),
    );
  return {
    groups: results.length,
    breaches: results.filter((result) => result.status === "breach").length,
    opened: events.filter((event) => event.event === "opened").length,
    closed: events.filter((event) => event.event === "closed").length,
    risingwaveStatements: 3 + results.reduce((sum, result) => sum + result.risingwaveStatements, 0),
    trainingRows: results.reduce((sum, result) => sum + (result.training?.rows ?? 0), 0),
    durationMs: Math.round(performance.now() - started),
    results,
  };
}
