const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Tick steps people read easily, smallest first. */
const STEPS = [MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];

/** Ticks across the whole window [from, to] on round UTC times, about `count` of them. */
export function timeTicks(from: number, to: number, count = 8): number[] {
  const span = to - from;
  if (!(span > 0)) return [from];
  const step = STEPS.find((candidate) => span / candidate <= count) ?? STEPS[STEPS.length - 1]!;
  const ticks: number[] = [];
  for (let tick = Math.ceil(from / step) * step; tick <= to; tick += step) ticks.push(tick);
  return ticks;
}

/** A tick's label in UTC: the time of day within a day, the date and time beyond. */
export function tickLabel(value: number, spanMs: number): string {
  const iso = new Date(value).toISOString();
  return spanMs > DAY ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
}

/**
 * Points with a null inserted wherever samples stop for longer than three typical intervals (at
 * least `minGapMs`), so a line chart shows a gap instead of a straight line over missing data.
 */
export function withGaps<T extends { at: number }>(points: T[], empty: (at: number) => T, minGapMs = 2 * MINUTE): T[] {
  if (points.length < 2) return points;
  const intervals = points
    .slice(1)
    .map((point, index) => point.at - points[index]!.at)
    .sort((a, b) => a - b);
  const typical = intervals[Math.floor(intervals.length / 2)]!;
  const gap = Math.max(minGapMs, 3 * typical);
  const result: T[] = [points[0]!];
  for (const point of points.slice(1)) {
    const previous = result[result.length - 1]!;
    if (point.at - previous.at > gap) result.push(empty(previous.at + 1));
    result.push(point);
  }
  return result;
}
