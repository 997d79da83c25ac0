import { describe, expect, it } from "vitest";
import { parseProgress } from "../observability/progress";
import { backfillSecondsLeft } from "./impact";

const NOW = 1_000_000;
describe("backfillSecondsLeft", () => {
  it("extrapolates the rate since the DDL started", () => {
    expect(
      backfillSecondsLeft({ progress: parseProgress("25.00% (2500/10000)"), startedMs: NOW - 50_000, nowMs: NOW, servingRows: null }),
    ).toEqual({
      secondsLeft: 150,
      rowsPerSecond: 50,
    });
  });
  it("takes the serving version's rows as the total when the progress has none", () => {
    expect(
      backfillSecondsLeft({ progress: parseProgress("50%"), startedMs: NOW - 10_000, nowMs: NOW, servingRows: 2_000 }).secondsLeft,
    ).toBe(10);
  });
  it("is unknown without a percentage, a start, or any progress yet", () => {
    const unknown = { secondsLeft: null, rowsPerSecond: null };
    expect(backfillSecondsLeft({ progress: parseProgress("120 rows consumed"), startedMs: NOW - 1, nowMs: NOW, servingRows: 5 })).toEqual(
      unknown,
    );
    expect(backfillSecondsLeft({ progress: parseProgress("10%"), startedMs: null, nowMs: NOW, servingRows: 5 })).toEqual(unknown);
    expect(backfillSecondsLeft({ progress: parseProgress("0.00% (0/100)"), startedMs: NOW - 5_000, nowMs: NOW, servingRows: 100 })).toEqual(
      unknown,
    );
  });
});
