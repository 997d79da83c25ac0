import "server-only";
import { refreshRedisStats } from "./redis-collector";
import { env } from "../env";
import { CollectorLease } from "../registry/collector-lease";
import { syncIncidents } from "../registry/incidents";
import { applyRetention, recordSamples } from "../registry/samples";
import { deliverDueWebhooks, enqueueWebhooks, type Sender } from "../registry/webhooks";
import { alertPayload } from "./alert-message";
import { runDriftCycle } from "../drift/cycle";
import { buildFreshnessBoard } from "./board";

const RETENTION_EVERY_CYCLES = 20;

export type CycleResult = {
  groups: number;
  breaches: number;
  opened: number;
  closed: number;
  delivered: number;
  failed: number;
  risingwaveQueries: number;
  durationMs: number;
};

/** One collector cycle: measure every group, store samples, open/close incidents, send alerts. */
export async function runCollectorCycle(
  now = new Date(),
  options: { send?: Sender; webhookUrl?: string | undefined; retention?: boolean } = {},
): Promise<CycleResult> {
  const startedAt = performance.now();
  const board = await buildFreshnessBoard(now.getTime());
  // Last-known groups are for people to read; samples and incidents need the registry itself.
  const registryDown = board.unavailable.find((outage) => outage.backend === "registry");
  if (registryDown) throw new Error(registryDown.reason);
  await recordSamples(board.groups, now);
  const events = await syncIncidents(board.groups, now);
  const webhookUrl = "webhookUrl" in options ? options.webhookUrl : env.ALERT_WEBHOOK_URL;
  if (webhookUrl) {
    await enqueueWebhooks(
      events.map((event) => ({
        incidentId: event.incidentId,
        event: event.event,
        url: webhookUrl,
        payload: alertPayload({
          event: event.event,
          incidentId: event.incidentId,
          groupName: event.group.name,
          owner: event.group.owner,
          slaSeconds: event.group.slaSeconds,
          freshnessSeconds: event.group.freshnessSeconds,
          peakFreshnessSeconds: event.peakFreshnessSeconds,
          openedAt: event.openedAt,
          closedAt: event.closedAt,
          publicUrl: env.PUBLIC_URL,
          kind: event.kind,
          cause: event.cause,
        }),
      })),
    );
  }
  const delivery = await deliverDueWebhooks(now, options.send);
  if (options.retention) await applyRetention(now);
  return {
    groups: board.groups.length,
    breaches: board.counts.breach,
    opened: events.filter((event) => event.event === "opened").length,
    closed: events.filter((event) => event.event === "closed").length,
    ...delivery,
    risingwaveQueries: board.risingwave.queries,
    durationMs: Math.round(performance.now() - startedAt),
  };
}

const state = globalThis as unknown as { collectorTimer?: ReturnType<typeof setInterval>; collectorLease?: CollectorLease };

/**
 * Runs inside the Next.js server, started by the instrumentation hook: one process to deploy and
 * nothing to forget. Cycles never overlap; an error is logged and the next cycle tries again.
 */
/** A background task on its own cadence: one run at a time, an error logged and the next run tried. */
function repeat(label: string, everyMs: number, task: () => Promise<void>, firstAfterMs = 0): void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await task();
    } catch (error) {
      console.error(`[collector] ${label} failed:`, error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  setInterval(() => void run(), everyMs).unref?.();
  setTimeout(() => void run(), firstAfterMs).unref?.();
}

export function startCollector(): void {
  if (state.collectorTimer) return;
  let running = false;
  let cycles = 0;
  // With several replicas, only the holder of the lease collects; the others stand by and take over
  // within a cycle when it goes away. Incidents and alerts stay exactly-once.
  const lease = (state.collectorLease ??= new CollectorLease(env.DATABASE_URL));
  let leading: boolean | null = null;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const holds = await lease.acquire();
      if (lease.lastError) console.error("[collector] cannot reach the registry for the lease:", lease.lastError);
      else if (holds !== leading)
        console.log(holds ? "[collector] collecting (holds the lease)" : "[collector] standing by: another replica collects");
      leading = lease.lastError ? null : holds;
      if (!holds) return;
      await runCollectorCycle(new Date(), { retention: cycles++ % RETENTION_EVERY_CYCLES === 0 });
    } catch (error) {
      console.error("[collector] cycle failed:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  state.collectorTimer = setInterval(() => void tick(), env.COLLECTOR_INTERVAL_SECONDS * 1000);
  state.collectorTimer.unref?.();
  void tick();
  // The Redis key stats walk and the drift cycle on their own, slower cadences.
  repeat("Redis key stats", env.REDIS_STATS_INTERVAL_SECONDS * 1000, async () => void (await refreshRedisStats()));
  repeat(
    "drift cycle",
    env.DRIFT_INTERVAL_MINUTES * 60_000,
    async () => {
      if (!leading) return; // the lease holder measures drift, like freshness
      const cycle = await runDriftCycle();
      // Only what changed: a cycle every few minutes would otherwise fill the log.
      if (cycle.opened + cycle.closed > 0)
        console.log(
          `[collector] drift: ${cycle.opened} incident(s) opened, ${cycle.closed} closed; ${cycle.breaches} of ${cycle.groups} groups in breach`,
        );
    },
    // After the first freshness cycle has settled who holds the lease.
    env.COLLECTOR_INTERVAL_SECONDS * 1000 + 5_000,
  );
  console.log(
    `[collector] sampling every ${env.COLLECTOR_INTERVAL_SECONDS} s${env.ALERT_WEBHOOK_URL ? ", alerts to the configured webhook" : ""}`,
  );
}
