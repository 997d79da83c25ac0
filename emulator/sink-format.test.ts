import { describe, expect, it } from "vitest";
import { jsonKey, jsonRow, pgText, renderTemplate, utcString } from "./sink-format";
import type { ColumnSpec } from "./sql-types";

const columns: ColumnSpec[] = [
  { name: "user_id", type: "bigint", primaryKey: true },
  { name: "txn_count_1h", type: "bigint" },
  { name: "avg_amount_1h", type: "numeric" },
  { name: "last_event_ts", type: "timestamptz" },
  { name: "score", type: "double", nullable: true },
  { name: "active", type: "boolean" },
];
// As node-postgres returns it: int8 and numeric as strings, timestamptz as a Date.
const row = { user_id: "42", txn_count_1h: "17", avg_amount_1h: "12.50", last_event_ts: new Date("2025-01-01T00:00:00Z"), score: null, active: true };

describe("Redis sink encoding", () => {
  it("keys by the compact JSON primary key", () => {
    expect(jsonKey(row, columns)).toBe('{"user_id":42}');
  });

  it("writes the contract's example value: sorted keys, numeric as string, microsecond UTC", () => {
    expect(jsonRow(row, columns)).toBe(
      '{"active":true,"avg_amount_1h":"12.50","last_event_ts":"2025-01-01T00:00:00.000000Z","score":null,"txn_count_1h":17,"user_id":42}',
    );
  });

  it("keeps milliseconds in utc_string", () => {
    expect(utcString(new Date("2026-11-24T13:05:09.123Z"))).toBe("2026-11-24T13:05:09.123000Z");
  });

  it("renders TEMPLATE placeholders with text forms, NULL and escaped braces", () => {
    expect(renderTemplate("order_features:{user_id}", row)).toBe("order_features:42");
    expect(renderTemplate("\\{v\\}={score},{last_event_ts}", row)).toBe("{v}=NULL,2025-01-01 00:00:00+00:00");
    expect(pgText(new Date("2026-01-02T03:04:05.120Z"))).toBe("2026-01-02 03:04:05.12+00:00");
  });
});
