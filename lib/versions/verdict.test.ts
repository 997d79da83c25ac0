import { describe, expect, it } from "vitest";
import { parseProgress } from "../observability/progress";
import { caughtUpVerdict, type SampleComparison, type VersionState } from "./verdict";

const NOW = Date.parse("2026-12-06T12:00:00Z");
const serving: VersionState = { mv: "g", exists: true, status: "Created", progress: null, committedAtMs: NOW - 1_000, rows: 10_000 };
const candidate: VersionState = { mv: "g_v2", exists: true, status: "Created", progress: null, committedAtMs: NOW - 2_000, rows: 10_100 };
const comparison: SampleComparison = { sampled: 200, equal: 198, missing: 0, byFeature: { a: 2 }, examples: [] };
const verdict = (
  overrides: { candidate?: Partial<VersionState>; comparison?: SampleComparison | null; serving?: Partial<VersionState> } = {},
) =>
  caughtUpVerdict({
    serving: { ...serving, ...overrides.serving },
    candidate: { ...candidate, ...overrides.candidate },
    slaSeconds: 30,
    nowMs: NOW,
    comparison: overrides.comparison === undefined ? comparison : overrides.comparison,
  });
const failing = (result: ReturnType<typeof caughtUpVerdict>) => result.checks.filter((check) => !check.ok).map((check) => check.id);

describe("caughtUpVerdict", () => {
  it("is caught up when created, fresh, within the row tolerance and equal on the sample", () => {
    const result = verdict();
    expect(result.caughtUp).toBe(true);
    expect(result.checks.map((check) => check.detail)).toEqual([
      "g_v2 is created",
      "data 2 s old, SLA 30 s",
      "10,100 rows against 10,000 (1.0% apart, tolerance 5.0%)",
      "198 of 200 sampled entities equal (99.0%, at least 95.0% needed)",
    ]);
  });

  it("is not while the candidate backfills, and says how far it is", () => {
    const result = verdict({ candidate: { status: "Creating", progress: parseProgress("42.00% (4200/10000)") } });
    expect(result.caughtUp).toBe(false);
    expect(result.checks[0]).toEqual({ id: "created", ok: false, detail: "g_v2 is Creating (backfill 42.00% (4200/10000))" });
  });

  it("is not when the candidate does not exist", () => {
    expect(verdict({ candidate: { exists: false, status: null, committedAtMs: null, rows: null }, comparison: null }).checks).toEqual([
      { id: "created", ok: false, detail: "g_v2 does not exist yet" },
      { id: "fresh", ok: false, detail: "no committed epoch yet" },
      { id: "rows", ok: false, detail: "row counts unknown (no rw_table_stats yet)" },
      { id: "values", ok: false, detail: "no entities sampled" },
    ]);
  });

  it("fails on each check alone: stale beyond the SLA, rows apart beyond the tolerance, values that differ", () => {
    expect(failing(verdict({ candidate: { committedAtMs: NOW - 31_000 } }))).toEqual(["fresh"]);
    expect(failing(verdict({ candidate: { committedAtMs: NOW - 30_000 } }))).toEqual([]); // at the SLA exactly
    expect(failing(verdict({ candidate: { rows: 10_600 } }))).toEqual(["rows"]);
    expect(failing(verdict({ candidate: { rows: 10_500 } }))).toEqual([]); // 5% exactly
    expect(failing(verdict({ comparison: { ...comparison, equal: 189 } }))).toEqual(["values"]);
    expect(verdict({ comparison: { ...comparison, equal: 150, missing: 50 } }).checks[3]?.detail).toBe(
      "150 of 200 sampled entities equal (75.0%, at least 95.0% needed); 50 missing in g_v2",
    );
  });

  it("compares an empty serving version's rows without dividing by zero", () => {
    expect(verdict({ serving: { rows: 0 }, candidate: { rows: 0 } }).checks[2]).toMatchObject({ ok: true });
  });
});
