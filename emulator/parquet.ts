// Parquet files as the S3 sink and the snapshot job write them (SNAPPY, one column per MV column).
import { parquetWriteBuffer } from "hyparquet-writer";
import type { Row } from "./sink-format";
import type { ColumnSpec } from "./sql-types";

type ColumnData = Parameters<typeof parquetWriteBuffer>[0]["columnData"][number];

function column(spec: ColumnSpec, rows: Row[]): ColumnData {
  const values = rows.map((row) => row[spec.name] ?? null);
  switch (spec.type) {
    case "bigint":
      return { name: spec.name, type: "INT64", data: values.map((value) => (value === null ? null : BigInt(String(value)))) };
    case "integer":
      return { name: spec.name, type: "INT32", data: values.map((value) => (value === null ? null : Number(value))) };
    case "double":
      return { name: spec.name, type: "DOUBLE", data: values.map((value) => (value === null ? null : Number(value))) };
    case "timestamptz":
      return { name: spec.name, type: "TIMESTAMP", data: values.map((value) => (value === null ? null : value instanceof Date ? value : new Date(String(value)))) };
    case "boolean":
      return { name: spec.name, type: "BOOLEAN", data: values.map((value) => (value === null ? null : Boolean(value))) };
    case "numeric":
    case "varchar":
      // numeric keeps its exact decimal text, as the Redis sink does.
      return { name: spec.name, type: "STRING", data: values.map((value) => (value === null ? null : String(value))) };
  }
}

export function encodeParquet(columns: ColumnSpec[], rows: Row[], rowGroupSize = 1_000): Uint8Array {
  const buffer = parquetWriteBuffer({ columnData: columns.map((spec) => column(spec, rows)), rowGroupSize, createdBy: "risingwave-emulator" });
  return new Uint8Array(buffer);
}
