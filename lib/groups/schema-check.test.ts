import { describe, expect, it } from "vitest";
import { checkSchema, describeProblems, schemaIssues, type LiveColumn } from "./schema-check";

const columns: LiveColumn[] = [
  { name: "user_id", dataType: "bigint", isPrimaryKey: true },
  { name: "purchase_count_1h", dataType: "bigint", isPrimaryKey: false },
  { name: "avg_amount", dataType: "double precision", isPrimaryKey: false },
  { name: "last_event_ts", dataType: "timestamp with time zone", isPrimaryKey: false },
];
const base = { materialized_view: "user_features_1h", entity: { name: "user", keys: ["user_id"] }, timestamp_column: "last_event_ts" };

describe("checkSchema", () => {
  it("is ok when every declared feature is a compatible column; undeclared columns are extra", () => {
    const check = checkSchema({ ...base, features: [{ name: "purchase_count_1h", dtype: "int64", description: "" }] }, columns);
    expect(check.status).toBe("ok");
    if (check.status === "mv-missing") throw new Error("unreachable");
    expect(check.rows.map((row) => row.status)).toEqual(["ok", "extra", "extra"]);
    expect(check.rows.find((row) => row.status === "extra" && row.column === "avg_amount")).toMatchObject({ suggestedDtype: "float64" });
  });

  it("flags missing columns, dtype mismatches, missing keys and timestamp columns", () => {
    const check = checkSchema(
      {
        ...base,
        entity: { name: "user", keys: ["account_id"] },
        timestamp_column: "ts",
        features: [
          { name: "purchases", dtype: "int64", description: "" },
          { name: "avg_amount", dtype: "string", description: "" },
        ],
      },
      columns,
    );
    expect(check.status).toBe("mismatch");
    expect(describeProblems(check)).toEqual([
      "feature purchases: no column purchases in user_features_1h",
      "feature avg_amount: declared string, column avg_amount is double precision (float64)",
      "entity key account_id: no such column in user_features_1h",
      "timestamp_column ts: no such column in user_features_1h",
    ]);
  });

  it("says so when the MV does not exist", () => {
    const check = checkSchema({ ...base, features: [] }, null);
    expect(check).toEqual({ status: "mv-missing", materializedView: "user_features_1h" });
    expect(describeProblems(check)).toEqual(["materialized view user_features_1h does not exist in RisingWave"]);
  });

  it("puts each problem on the definition's own path, for form fields and YAML lines", () => {
    const definition = {
      ...base,
      entity: { name: "user", keys: ["account_id"] },
      timestamp_column: "ts",
      features: [
        { name: "purchases", dtype: "int64" as const, description: "" },
        { name: "avg_amount", dtype: "string" as const, description: "" },
      ],
    };
    expect(schemaIssues(definition, checkSchema(definition, columns))).toEqual([
      { path: "features.0.name", message: "user_features_1h has no column purchases" },
      { path: "features.1.dtype", message: "column avg_amount is double precision: declare float64" },
      { path: "entity.keys", message: "user_features_1h has no column account_id" },
      { path: "timestamp_column", message: "user_features_1h has no column ts" },
    ]);
    expect(schemaIssues(definition, checkSchema(definition, null))).toEqual([
      { path: "materialized_view", message: expect.stringContaining("no materialized view user_features_1h in RisingWave") },
    ]);
    const fine = { ...base, features: [] };
    expect(schemaIssues(fine, checkSchema(fine, columns))).toEqual([]);
  });
});
