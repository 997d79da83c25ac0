// The emulator's encoders against the golden examples (tests/contract/encoding-golden.ts), never
// against the app's decoders.
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { GOLDEN, GOLDEN_COMPOSITE_KEY, type GoldenType } from "@/tests/contract/encoding-golden";
import { encodeParquet } from "./parquet";
import { jsonKey, jsonRow, jsonValue, renderTemplate, textValue } from "./sink-format";
import type { ColumnType } from "./sql-types";

const COLUMN_TYPE: Record<GoldenType, ColumnType> = {
  bigint: "bigint",
  integer: "integer",
  numeric: "numeric",
  "character varying": "varchar",
  boolean: "boolean",
  date: "date",
  "timestamp with time zone": "timestamptz",
  "timestamp without time zone": "timestamp",
  jsonb: "jsonb",
  "double precision": "double",
};

/** A golden SQL value as the emulator's pool hands it over (db.ts: int8/numeric/date/timestamp/jsonb as text). */
function rowValue(value: string | null, type: ColumnType) {
  if (value === null) return null;
  if (type === "boolean") return value === "true";
  if (type === "integer" || type === "double") return Number(value);
  if (type === "timestamptz" && !/\.\d{4,}/.test(value)) return new Date(value);
  return value;
}

describe("Redis sink encoders match the golden examples", () => {
  for (const golden of GOLDEN) {
    const type = COLUMN_TYPE[golden.type];
    it(`${golden.type} ${golden.value ?? "NULL"} → JSON ${golden.json}, TEMPLATE ${golden.template}`, () => {
      const value = rowValue(golden.value, type);
      expect(jsonValue(value, type)).toBe(golden.json);
      expect(textValue(value, type)).toBe(golden.template);
      expect(renderTemplate("k:{v}", { v: value }, [{ name: "v", type }])).toBe(`k:${golden.template}`);
    });
  }

  it("sorts a composite key's columns like the value's (§11.1)", () => {
    const columns = GOLDEN_COMPOSITE_KEY.columns.map((column) => ({ name: column.name, type: COLUMN_TYPE[column.type], primaryKey: true }));
    const row = Object.fromEntries(GOLDEN_COMPOSITE_KEY.columns.map((column) => [column.name, column.value]));
    expect(jsonKey(row, columns)).toBe(GOLDEN_COMPOSITE_KEY.json);
    expect(jsonRow(row, columns)).toBe(GOLDEN_COMPOSITE_KEY.json);
  });

  it("keeps escaped braces literal in TEMPLATE formats", () => {
    expect(renderTemplate("\\{v\\}={v}", { v: null }, [{ name: "v", type: "bigint" }])).toBe("{v}=NULL");
  });
});

describe("file sink Parquet types (§11.7)", () => {
  const PARQUET_TYPE = (element: {
    type?: string;
    converted_type?: string;
    logical_type?: Record<string, unknown>;
    precision?: number;
    scale?: number;
  }) => {
    const logical = element.logical_type;
    if (logical?.type === "DECIMAL") return `DECIMAL(${element.precision},${element.scale})`;
    if (logical?.type === "TIMESTAMP") return `TIMESTAMP(${String(logical.unit)}${logical.isAdjustedToUTC ? ",UTC" : ""})`;
    if (logical?.type === "DATE") return "DATE";
    return element.converted_type === "UTF8" ? "UTF8" : String(element.type);
  };

  for (const golden of GOLDEN) {
    const type = COLUMN_TYPE[golden.type];
    it(`writes ${golden.type} as ${golden.parquet}`, async () => {
      const file = encodeParquet([{ name: "v", type, nullable: true }], [{ v: rowValue(golden.value, type) }]);
      const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
      const element = parquetMetadata(buffer).schema[1] ?? {};
      expect(PARQUET_TYPE(element as never)).toBe(golden.parquet);
      const [row] = await parquetReadObjects({ file: buffer });
      const read = row?.v;
      if (golden.canonical === null) expect(read).toBeNull();
      else if (read instanceof Date) expect(read.toISOString().startsWith(golden.canonical.slice(0, 10))).toBe(true);
      else expect(String(read)).toBe(type === "jsonb" ? golden.value : golden.canonical);
    });
  }
});
