import { describe, expect, it } from "vitest";
import { tickLabel, timeTicks, withGaps } from "./time-axis";

const at = (iso: string) => Date.parse(iso);

describe("timeTicks", () => {
  it("spreads round UTC ticks over the whole window, whatever the data", () => {
    expect(timeTicks(at("2026-11-24T09:07:00Z"), at("2026-11-24T10:07:00Z")).map((tick) => tickLabel(tick, 3_600_000))).toEqual([
      "09:10",
      "09:20",
      "09:30",
      "09:40",
      "09:50",
      "10:00",
    ]);
    const week = timeTicks(at("2026-11-17T10:00:00Z"), at("2026-11-24T10:00:00Z"));
    expect(week.map((tick) => tickLabel(tick, 7 * 86_400_000))).toEqual([
      "11-18 00:00",
      "11-19 00:00",
      "11-20 00:00",
      "11-21 00:00",
      "11-22 00:00",
      "11-23 00:00",
      "11-24 00:00",
    ]);
    const day = timeTicks(at("2026-11-23T10:00:00Z"), at("2026-11-24T10:00:00Z"));
    expect(day.map((tick) => tickLabel(tick, 86_400_000))).toEqual([
      "12:00",
      "15:00",
      "18:00",
      "21:00",
      "00:00",
      "03:00",
      "06:00",
      "09:00",
    ]);
  });
});

describe("withGaps", () => {
  it("breaks the line where samples stop, and nowhere else", () => {
    const points = [0, 15, 30, 45, 600, 615].map((seconds) => ({ at: seconds * 1000, value: 1 as number | null }));
    const gapped = withGaps(points, (time) => ({ at: time, value: null }));
    expect(gapped.map((point) => point.value)).toEqual([1, 1, 1, 1, null, 1, 1]);
    expect(withGaps(points.slice(0, 4), (time) => ({ at: time, value: null }))).toHaveLength(4);
  });
});
