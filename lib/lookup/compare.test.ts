import { describe, expect, it } from "vitest";
import { compareLayers, type LayerValues } from "./compare";

const features = [
  { name: "event_count_1h", dtype: "int64" as const },
  { name: "total_spend_1h", dtype: "decimal" as const },
  { name: "avg_purchase_amount_1h", dtype: "float64" as const },
  { name: "last_event_ts", dtype: "timestamp" as const },
];
const source: LayerValues = {
  id: "risingwave",
  kind: "risingwave",
  values: {
    event_count_1h: "12",
    total_spend_1h: "30.50",
    avg_purchase_amount_1h: 15.25,
    last_event_ts: new Date("2026-11-24T10:00:05.123Z"),
  },
};

describe("compareLayers", () => {
  it("treats each layer's encoding of the same value as equal", () => {
    const json: LayerValues = {
      id: "json",
      kind: "redis",
      values: {
        event_count_1h: 12,
        total_spend_1h: "30.5",
        avg_purchase_amount_1h: 15.250000000000002,
        last_event_ts: "2026-11-24T10:00:05.123000Z",
      },
    };
    const hash: LayerValues = {
      id: "hash",
      kind: "redis",
      values: {
        event_count_1h: "12",
        total_spend_1h: "30.50",
        avg_purchase_amount_1h: "15.25",
        last_event_ts: "2026-11-24 10:00:05.123+00:00",
      },
    };
    const rows = compareLayers(features, source, [json, hash], "last_event_ts", 30);
    for (const row of rows) {
      expect(row.cells.risingwave?.state).toBe("source");
      expect([row.name, row.cells.json?.state, row.cells.hash?.state]).toEqual([row.name, "equal", "equal"]);
    }
  });

  it("explains a stale Redis value by sink lag, expected within the SLA, and an old snapshot by its time", () => {
    const stale: LayerValues = {
      id: "json",
      kind: "redis",
      values: { event_count_1h: 11, total_spend_1h: "30.50", avg_purchase_amount_1h: 15.25, last_event_ts: "2026-11-24T09:59:35.123000Z" },
    };
    const snapshot: LayerValues = {
      id: "archive",
      kind: "archive",
      takenAt: new Date("2026-11-24T00:05:00Z"),
      values: { event_count_1h: 3n, total_spend_1h: "1.00", avg_purchase_amount_1h: 1, last_event_ts: new Date("2026-11-24T00:04:00Z") },
    };
    const [count] = compareLayers(features, source, [stale, snapshot], "last_event_ts", 10);
    expect(count?.cells.json).toEqual({
      value: "11",
      state: "different",
      explanation: "Redis is 30 s older than RisingWave: sink lag, beyond the 10 s SLA",
    });
    expect(count?.cells.archive).toMatchObject({ state: "expected", explanation: "snapshot taken before the last update" });
    const [withinSla] = compareLayers(features, source, [stale], "last_event_ts", 30);
    expect(withinSla?.cells.json).toMatchObject({
      state: "expected",
      explanation: "Redis is 30 s older than RisingWave: sink lag, within the 30 s SLA",
    });
    const newer: LayerValues = { ...snapshot, takenAt: new Date("2026-11-24T10:05:00Z") };
    expect(compareLayers(features, source, [newer], "last_event_ts", 30)[0]?.cells.archive?.state).toBe("different");
  });

  it("tells timestamps one second apart apart", () => {
    const late: LayerValues = { id: "json", kind: "redis", values: { last_event_ts: "2026-11-24T10:00:04.123000Z" } };
    const [, , , time] = compareLayers(features, source, [late], "last_event_ts", 0);
    expect(time?.cells.json?.state).toBe("different");
    expect(compareLayers(features, source, [late], "last_event_ts", 30)[3]?.cells.json?.state).toBe("expected");
  });

  it("marks missing keys, missing fields and values of the wrong type", () => {
    const expired: LayerValues = {
      id: "cache",
      kind: "redis",
      values: null,
      missingReason: "missing in Redis: TTL expired or never written",
    };
    const odd: LayerValues = { id: "odd", kind: "redis", values: { event_count_1h: "twelve", total_spend_1h: "30.50" } };
    const [count, spend, average] = compareLayers(features, source, [expired, odd], "last_event_ts", 30);
    expect(count?.cells.cache).toEqual({ value: null, state: "missing", explanation: "missing in Redis: TTL expired or never written" });
    expect(count?.cells.odd).toMatchObject({ state: "type_mismatch", value: "twelve" });
    expect(spend?.cells.odd?.state).toBe("equal");
    expect(average?.cells.odd?.state).toBe("missing");
  });

  it("flags a key left in Redis for an entity RisingWave no longer has", () => {
    const [count] = compareLayers(
      features,
      { id: "risingwave", kind: "risingwave", values: null },
      [{ id: "json", kind: "redis", values: { event_count_1h: 1 } }],
      undefined,
      30,
    );
    expect(count?.cells.risingwave?.state).toBe("missing");
    expect(count?.cells.json?.explanation).toMatch(/stale key/);
  });
});
