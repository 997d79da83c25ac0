// Golden examples: one value of each type as RisingWave v3.0.3 writes it into a Redis key or value
// (ENCODE JSON), a TEMPLATE placeholder and a Parquet file. Transcribed from
// docs/reference/risingwave-catalog.md §6.4 and §11.1–3, §11.7, whose source references are given per row.
// The emulator's encoders and the app's decoders are both tested against this table, never against
// each other.

/** RisingWave column types as rw_columns.data_type names them. */
export type GoldenType =
  | "bigint"
  | "integer"
  | "numeric"
  | "character varying"
  | "boolean"
  | "date"
  | "timestamp with time zone"
  | "timestamp without time zone"
  | "jsonb"
  | "double precision";

export type GoldenCase = {
  type: GoldenType;
  /** The SQL value in PostgreSQL input form (null: SQL NULL). */
  value: string | null;
  /** Exactly what ENCODE JSON writes for it, in a key object or a value object. */
  json: string;
  /** Exactly what an ENCODE TEMPLATE placeholder `{col}` becomes. */
  template: string;
  /** Parquet physical/logical type the file sink writes. */
  parquet: string;
  /** The value a reader compares after decoding any of the three forms (ISO at ms for times). */
  canonical: string | null;
  source: string;
};

const JSON_ENCODER = "src/connector/src/sink/encoder/json.rs (§6.4, §11.2)";
const TO_TEXT = "src/common/src/types/to_text.rs, timestamptz.rs (§11.3)";
const ARROW = "src/common/src/array/arrow/ (§11.7)";

export const GOLDEN: GoldenCase[] = [
  { type: "bigint", value: "42", json: "42", template: "42", parquet: "INT64", canonical: "42", source: JSON_ENCODER },
  {
    type: "bigint",
    value: "9007199254740993",
    json: "9007199254740993",
    template: "9007199254740993",
    parquet: "INT64",
    canonical: "9007199254740993",
    source: `${JSON_ENCODER}: int8 beyond 2^53 is an exact JSON integer`,
  },
  {
    type: "bigint",
    value: "-9223372036854775808",
    json: "-9223372036854775808",
    template: "-9223372036854775808",
    parquet: "INT64",
    canonical: "-9223372036854775808",
    source: JSON_ENCODER,
  },
  { type: "integer", value: "7", json: "7", template: "7", parquet: "INT32", canonical: "7", source: JSON_ENCODER },
  {
    type: "numeric",
    value: "12.50",
    json: '"12.50"',
    template: "12.50",
    parquet: "DECIMAL(38,10)",
    canonical: "12.5",
    source: `${JSON_ENCODER}; ${ARROW}`,
  },
  { type: "double precision", value: "1.5", json: "1.5", template: "1.5", parquet: "DOUBLE", canonical: "1.5", source: JSON_ENCODER },
  {
    type: "character varying",
    value: "books",
    json: '"books"',
    template: "books",
    parquet: "UTF8",
    canonical: "books",
    source: JSON_ENCODER,
  },
  {
    type: "character varying",
    value: 'say "hi"',
    json: '"say \\"hi\\""',
    template: 'say "hi"',
    parquet: "UTF8",
    canonical: 'say "hi"',
    source: JSON_ENCODER,
  },
  {
    type: "boolean",
    value: "true",
    json: "true",
    template: "t",
    parquet: "BOOLEAN",
    canonical: "true",
    source: `${JSON_ENCODER}; ${TO_TEXT}`,
  },
  {
    type: "boolean",
    value: "false",
    json: "false",
    template: "f",
    parquet: "BOOLEAN",
    canonical: "false",
    source: `${JSON_ENCODER}; ${TO_TEXT}`,
  },
  {
    type: "date",
    value: "2025-01-01",
    json: "739252",
    template: "2025-01-01",
    parquet: "DATE",
    canonical: "2025-01-01",
    source: `${JSON_ENCODER}: days since 0001-01-01 (num_days_from_ce)`,
  },
  {
    type: "date",
    value: "2013-01-01",
    json: "734869",
    template: "2013-01-01",
    parquet: "DATE",
    canonical: "2013-01-01",
    source: "§6.4 table: 2013-01-01 → 734869",
  },
  {
    type: "timestamp with time zone",
    value: "2025-01-01T00:00:00Z",
    json: '"2025-01-01T00:00:00.000000Z"',
    template: "2025-01-01 00:00:00+00:00",
    parquet: "TIMESTAMP(MICROS,UTC)",
    canonical: "2025-01-01T00:00:00.000Z",
    source: `${JSON_ENCODER}: utc_string; ${TO_TEXT}`,
  },
  {
    type: "timestamp with time zone",
    value: "2025-01-01T00:00:00.330Z",
    json: '"2025-01-01T00:00:00.330000Z"',
    template: "2025-01-01 00:00:00.330+00:00",
    parquet: "TIMESTAMP(MICROS,UTC)",
    canonical: "2025-01-01T00:00:00.330Z",
    source: `${JSON_ENCODER}; ${TO_TEXT}: fraction in 3, 6 or 9 digits`,
  },
  {
    type: "timestamp with time zone",
    value: "2025-01-01T00:00:00.330123Z",
    json: '"2025-01-01T00:00:00.330123Z"',
    template: "2025-01-01 00:00:00.330123+00:00",
    parquet: "TIMESTAMP(MICROS,UTC)",
    canonical: "2025-01-01T00:00:00.330Z",
    source: `${JSON_ENCODER}; ${TO_TEXT}`,
  },
  {
    type: "timestamp without time zone",
    value: "2025-01-01T00:00:00.330",
    json: "1735689600330",
    template: "2025-01-01 00:00:00.330",
    parquet: "TIMESTAMP(MICROS)",
    canonical: "2025-01-01T00:00:00.330Z",
    source: `${JSON_ENCODER}: timestamp as epoch milliseconds; ${TO_TEXT}`,
  },
  {
    type: "jsonb",
    value: '{"a": 1, "b": [1, 2]}',
    json: '"{\\"a\\": 1, \\"b\\": [1, 2]}"',
    template: '{"a": 1, "b": [1, 2]}',
    parquet: "UTF8",
    canonical: '{"a":1,"b":[1,2]}',
    source: `${JSON_ENCODER}: jsonb as a string of its text form (§11.2)`,
  },
  {
    type: "bigint",
    value: null,
    json: "null",
    template: "NULL",
    parquet: "INT64",
    canonical: null,
    source: `${JSON_ENCODER}; §6.2: NULL becomes the text NULL`,
  },
];

/** A composite primary key: the key object's columns are sorted like the value's (§11.1). */
export const GOLDEN_COMPOSITE_KEY = {
  columns: [
    { name: "user_id", type: "bigint" as GoldenType, value: "42" },
    { name: "category", type: "character varying" as GoldenType, value: "books" },
  ],
  json: '{"category":"books","user_id":42}',
  source: "§11.1: serde_json::Map without preserve_order sorts key columns alphabetically",
};
