import "server-only";
import { env } from "../env";
import { readEventTimes, type PipelineState } from "../risingwave/freshness";
import type { RegisteredGroup } from "./assess";
import { planEventTimeReads, type EventTimeMeasurement } from "./event-time-plan";

/** How much of the board's event time this build measured, and how old the oldest measurement is. */
export type EventTimeCoverage = { measuredNow: number; known: number; oldestMeasurementAt: string | null };

const cache = globalThis as unknown as { eventTimeMeasurements?: Map<string, EventTimeMeasurement> };

/**
 * Each group's newest event time, from measurements kept per MV: this build measures at most
 * EVENT_TIME_BATCH of the MVs that are due (one statement), the rest keep their last measurement.
 * A failed measurement keeps the previous ones; the board still stands on processing freshness.
 */
export async function measureEventTimes(
  groups: RegisteredGroup[],
  state: PipelineState,
  now: number,
): Promise<{ value: Map<string, Date | null>; statements: number; coverage: EventTimeCoverage }> {
  const measurements = cache.eventTimeMeasurements ?? new Map<string, EventTimeMeasurement>();
  const plan = planEventTimeReads(groups, state, measurements, now, { batch: env.EVENT_TIME_BATCH, maxRows: env.EVENT_TIME_MAX_ROWS });
  let statements = 0;
  if (plan.reads.length > 0) {
    statements = 1;
    const measured = await readEventTimes(plan.reads).catch(() => null);
    for (const read of measured ? plan.reads : [])
      plan.current.set(read.mv, { column: read.column, latest: measured?.get(read.mv) ?? null, at: now });
  }
  cache.eventTimeMeasurements = plan.current;
  const oldest = Math.min(...[...plan.current.values()].map((measurement) => measurement.at));
  return {
    value: new Map([...plan.current].map(([mv, measurement]) => [mv, measurement.latest])),
    statements,
    coverage: {
      measuredNow: statements === 0 ? 0 : plan.reads.length,
      known: plan.current.size,
      oldestMeasurementAt: Number.isFinite(oldest) ? new Date(oldest).toISOString() : null,
    },
  };
}
