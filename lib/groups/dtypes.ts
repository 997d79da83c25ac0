import type { Dtype } from "../schemas/feature-group";

/**
 * RisingWave column types (rw_columns.data_type) and the feature dtype each one means.
 * Written once: the schema check, the form's pre-fill and the CLI all use it.
 */
const RISINGWAVE_TO_DTYPE: Record<string, Dtype> = {
  smallint: "int32",
  integer: "int32",
  bigint: "int64",
  serial: "int64",
  real: "float32",
  "double precision": "float64",
  numeric: "decimal",
  "character varying": "string",
  varchar: "string",
  text: "string",
  boolean: "bool",
  "timestamp with time zone": "timestamp",
  "timestamp without time zone": "timestamp",
  date: "date",
  jsonb: "json",
  bytea: "bytes",
};

/** Declared dtypes that also accept a column of a wider or looser type without loss of meaning. */
const ALSO_ACCEPTS: Partial<Record<Dtype, Dtype[]>> = {
  int64: ["int32"],
  float64: ["float32", "int32", "int64"],
  decimal: ["int32", "int64"],
};

export function dtypeOfColumn(dataType: string): Dtype | null {
  return RISINGWAVE_TO_DTYPE[dataType.toLowerCase()] ?? null;
}

/** SQL spellings people write in DDL and dbt `data_type` for the catalog's names above. */
const TYPE_ALIASES: Record<string, string> = {
  int: "integer",
  int4: "integer",
  int2: "smallint",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  float: "double precision",
  double: "double precision",
  decimal: "numeric",
  bool: "boolean",
  string: "varchar",
  timestamptz: "timestamp with time zone",
  timestamp: "timestamp without time zone",
  json: "jsonb",
};

/** A declared SQL type (`varchar(64)`, `timestamptz`, `NUMERIC(12,2)`) as a feature dtype, through the same table. */
export function dtypeOfDeclaredType(declared: string): Dtype | null {
  const bare = declared
    .trim()
    .toLowerCase()
    .replace(/\s*\(.*\)\s*$/, "")
    .replace(/\s+/g, " ");
  return dtypeOfColumn(TYPE_ALIASES[bare] ?? bare);
}

/** A declared feature dtype is compatible with a column when they mean the same or the column widens safely. */
export function isCompatible(declared: Dtype, dataType: string): boolean {
  const actual = dtypeOfColumn(dataType);
  if (!actual) return false;
  return actual === declared || (ALSO_ACCEPTS[declared] ?? []).includes(actual);
}
