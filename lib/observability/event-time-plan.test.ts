import { describe, expect, it } from "vitest";
import type { TimeColumn } from "../risingwave/freshness";
import type { RegisteredGroup } from "./assess";
import { EVENT_TIME_REMEASURE_MS, planEventTimeReads, type EventTimeMeasurement } from "./event-time-plan";

const NOW = Date.parse("2026-11-29T12:00:00Z");
const group = (name: string, slaSeconds: number, timestampColumn: string | null = "updated_at"): RegisteredGroup => ({
  name,
  owner: "o",
  team: null,
  tags: [],
  slaSeconds,
  materializedView: name,
  timestampColumn,
});
const mv = (id: number, name: string, keyCount: number | null = 100) => ({
  id,
  name,
  status: "Created",
  schema: "public",
  committedEpoch: null,
  keyCount,
});
const updatedAt = (name: string): [string, TimeColumn[]] => [
  name,
  [{ mv: name, name: "updated_at", dataType: "timestamp with time zone", isPrimaryKey: false }],
];
const measured = (at: number, column = "updated_at"): EventTimeMeasurement => ({ column, latest: new Date(at - 5_000), at });
const limits = { batch: 2, maxRows: 1_000 };

describe("planEventTimeReads", () => {
  const groups = [group("hourly", 3_600), group("minute", 60), group("daily", 86_400)];
  const state = {
    mvs: [mv(1, "hourly"), mv(2, "minute"), mv(3, "daily")],
    timeColumns: new Map([updatedAt("hourly"), updatedAt("minute"), updatedAt("daily")]),
  };

  it("reads at most a batch, never-measured MVs first, the tightest SLA first", () => {
    const plan = planEventTimeReads(groups, state, new Map([["daily", measured(NOW - 60_000)]]), NOW, limits);
    expect(plan.reads.map((read) => read.mv)).toEqual(["hourly", "minute"]);
    expect(plan.reads[0]).toEqual({ schema: "public", mv: "hourly", column: "updated_at" });
    expect([...plan.current.keys()]).toEqual(["daily"]);
  });

  it("re-reads by how overdue each MV is against its SLA, and keeps recent measurements without reading", () => {
    const measurements = new Map([
      ["hourly", measured(NOW - 120_000)], // 2 min of a 1 h SLA
      ["minute", measured(NOW - 30_000)], // 30 s of a 1 min SLA: most overdue
      ["daily", measured(NOW - EVENT_TIME_REMEASURE_MS + 1)], // not due yet
    ]);
    const plan = planEventTimeReads(groups, state, measurements, NOW, { ...limits, batch: 1 });
    expect(plan.reads.map((read) => read.mv)).toEqual(["minute"]);
    expect(plan.current.get("daily")).toBe(measurements.get("daily"));
    expect(plan.current.size).toBe(3);
  });

  it("never scans an MV above the row bound, a missing MV or a named column the MV lacks", () => {
    const plan = planEventTimeReads(
      [group("big", 60), group("gone", 60), group("renamed", 60, "event_ts")],
      { mvs: [mv(1, "big", 5_000), mv(2, "renamed")], timeColumns: new Map([updatedAt("big"), updatedAt("renamed")]) },
      new Map(),
      NOW,
      limits,
    );
    expect(plan.reads).toEqual([]);
  });

  it("forgets a measurement taken from another column and falls back to _rw_timestamp without a time column", () => {
    const plan = planEventTimeReads(
      [group("edited", 60), group("affinity", 60, null)],
      { mvs: [mv(1, "edited"), mv(2, "affinity")], timeColumns: new Map([updatedAt("edited")]) },
      new Map([["edited", measured(NOW - 1_000, "created_at")]]),
      NOW,
      limits,
    );
    expect(plan.reads.map((read) => `${read.mv}.${read.column}`).sort()).toEqual(["affinity._rw_timestamp", "edited.updated_at"]);
    expect(plan.current.size).toBe(0);
  });
});
