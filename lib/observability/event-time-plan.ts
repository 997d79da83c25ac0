import { eventTimeColumn } from "../groups/event-time";
import type { PipelineState } from "../risingwave/freshness";
import type { RegisteredGroup } from "./assess";

/** An MV's event time was measured again once its last measurement is this old. */
export const EVENT_TIME_REMEASURE_MS = 10_000;

export type EventTimeMeasurement = { column: string; latest: Date | null; at: number };
export type EventTimeRead = { schema: string; mv: string; column: string };

/**
 * Which MVs to measure now, and the measurements still valid. An MV is due when it was never
 * measured with its current column, or 10 s ago or more; the most overdue relative to the tightest
 * SLA of its groups go first (a 1-minute SLA before a 1-hour one), at most `batch` of them. MVs
 * above `maxRows` (rw_table_stats) are never scanned. Pure: the caller keeps the measurements.
 */
export function planEventTimeReads(
  groups: RegisteredGroup[],
  state: Pick<PipelineState, "mvs" | "timeColumns">,
  measurements: Map<string, EventTimeMeasurement>,
  now: number,
  limits: { batch: number; maxRows: number },
): { reads: EventTimeRead[]; current: Map<string, EventTimeMeasurement> } {
  const mvs = new Map(state.mvs.map((mv) => [mv.name, mv]));
  const wanted = new Map<string, { read: EventTimeRead; slaSeconds: number }>();
  for (const group of groups) {
    const mv = mvs.get(group.materializedView);
    if (!mv || (mv.keyCount ?? 0) > limits.maxRows) continue;
    const column = eventTimeColumn(group.timestampColumn, state.timeColumns.get(mv.name) ?? []);
    if (!column) continue;
    const known = wanted.get(mv.name);
    // Groups on one MV normally agree on the column; the tightest SLA decides how often it is read.
    if (!known || group.slaSeconds < known.slaSeconds)
      wanted.set(mv.name, { read: { schema: mv.schema, mv: mv.name, column }, slaSeconds: group.slaSeconds });
  }
  const current = new Map<string, EventTimeMeasurement>();
  const due: { read: EventTimeRead; overdue: number }[] = [];
  for (const [name, { read, slaSeconds }] of wanted) {
    const last = measurements.get(name);
    const valid = last && last.column === read.column ? last : null;
    if (valid) current.set(name, valid);
    const age = valid ? now - valid.at : Number.POSITIVE_INFINITY;
    if (age >= EVENT_TIME_REMEASURE_MS) due.push({ read, overdue: age / (slaSeconds * 1000) });
  }
  due.sort((a, b) => b.overdue - a.overdue || a.read.mv.localeCompare(b.read.mv));
  return { reads: due.slice(0, limits.batch).map((entry) => entry.read), current };
}
