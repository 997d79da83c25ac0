// Parquet files as the S3 sink and the snapshot job write them: SNAPPY, one column per MV column,
// with the Arrow types RisingWave maps to (§11.7): numeric → Decimal128(38, 10), timestamptz →
// microseconds adjusted to UTC, timestamp → microseconds, date → days, jsonb → its text.
import { parquetWriteBuffer } from "hyparquet-writer";
import type { SchemaElement } from "hyparquet";
import { epochMicros, type Row, type RowValue } from "./sink-format";
import type { ColumnSpec, ColumnType } from "./sql-types";

type ColumnData = Parameters<typeof parquetWriteBuffer>[0]["columnData"][number];
const DECIMAL_SCALE = 10;

/** A decimal's text as the unscaled integer of Decimal128(38, 10), exactly. */
export function unscaledDecimal(text: string): bigint {
  const [whole = "0", fraction = ""] = text.trim().replace(/^-/, "").split(".");
  const unscaled =
    BigInt(whole || "0") * 10n ** BigInt(DECIMAL_SCALE) + BigInt(fraction.padEnd(DECIMAL_SCALE, "0").slice(0, DECIMAL_SCALE) || "0");
  return text.trim().startsWith("-") ? -unscaled : unscaled;
}

function element(spec: ColumnSpec): SchemaElement {
  const base = { name: spec.name, repetition_type: "OPTIONAL" as const };
  const byType: Record<ColumnType, Omit<SchemaElement, "name" | "repetition_type">> = {
    bigint: { type: "INT64" },
    integer: { type: "INT32" },
    double: { type: "DOUBLE" },
    boolean: { type: "BOOLEAN" },
    varchar: { type: "BYTE_ARRAY", converted_type: "UTF8" },
    jsonb: { type: "BYTE_ARRAY", converted_type: "UTF8" },
    numeric: {
      type: "FIXED_LEN_BYTE_ARRAY",
      type_length: 16,
      converted_type: "DECIMAL",
      precision: 38,
      scale: DECIMAL_SCALE,
      logical_type: { type: "DECIMAL", precision: 38, scale: DECIMAL_SCALE },
    },
    timestamptz: { type: "INT64", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MICROS" } },
    timestamp: { type: "INT64", logical_type: { type: "TIMESTAMP", isAdjustedToUTC: false, unit: "MICROS" } },
    date: { type: "INT32", converted_type: "DATE", logical_type: { type: "DATE" } },
  };
  return { ...base, ...byType[spec.type] } as SchemaElement;
}

function physical(value: RowValue, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "bigint":
      return BigInt(String(value));
    case "integer":
    case "double":
      return Number(value);
    case "boolean":
      return value === true || value === "t" || value === "true";
    case "numeric":
      return unscaledDecimal(String(value));
    case "timestamptz":
    case "timestamp":
      return epochMicros(value instanceof Date ? value : String(value));
    case "date":
      return Math.round(Date.parse(`${String(value instanceof Date ? value.toISOString() : value).slice(0, 10)}T00:00:00Z`) / 86_400_000);
    case "varchar":
    case "jsonb":
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

export function encodeParquet(columns: ColumnSpec[], rows: Row[], rowGroupSize = 1_000): Uint8Array {
  const schema: SchemaElement[] = [{ name: "root", num_children: columns.length }, ...columns.map(element)];
  const columnData = columns.map(
    (spec) => ({ name: spec.name, data: rows.map((row) => physical(row[spec.name], spec.type)) }) as ColumnData,
  );
  return new Uint8Array(parquetWriteBuffer({ schema, columnData, rowGroupSize, createdBy: "risingwave-emulator" }));
}
