import type { BackfillProgress } from "../observability/progress";

/**
 * Seconds left in a backfill at the rate it has run so far (rows done since its DDL started), or,
 * before one runs, the rows it will read at `rowsPerSecond` measured elsewhere; null when unknown.
 */
export function backfillSecondsLeft(input: {
  progress: BackfillProgress | null;
  startedMs: number | null;
  nowMs: number;
  servingRows: number | null;
}): { secondsLeft: number | null; rowsPerSecond: number | null } {
  const { progress } = input;
  if (progress?.kind !== "percent" || input.startedMs === null) return { secondsLeft: null, rowsPerSecond: null };
  const elapsedSeconds = (input.nowMs - input.startedMs) / 1000;
  const total = progress.total ?? input.servingRows;
  const done = progress.done ?? (total === null ? null : (total * progress.percent) / 100);
  if (elapsedSeconds <= 0 || done === null || total === null || done <= 0) return { secondsLeft: null, rowsPerSecond: null };
  const rowsPerSecond = done / elapsedSeconds;
  return { secondsLeft: Math.max(0, (total - done) / rowsPerSecond), rowsPerSecond };
}
