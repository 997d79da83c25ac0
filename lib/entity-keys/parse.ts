// Validation of an entity's key as typed by a user or an API client: nothing reaches a backend
// unless every key column's value means its SQL type.
import type { Dtype } from "../schemas/feature-group";
import { isKeySqlType, KEY_SQL_TYPES, parseTimestampMicros, timestampText, utcString, type KeySqlType, type KeyValue } from "./encode";

/** The longest key value accepted; anything longer is refused before any backend is asked. */
export const MAX_KEY_LENGTH = 256;

/** A key column: its name, feature dtype, and the SQL type rw_columns gives it (which sets its encodings). */
export type KeyColumn = { name: string; dtype: Dtype; dataType?: string };
/** A validated key value: `sql` is the parameter sent to RisingWave, `cast` its SQL type. */
export type KeyPart = KeyValue & { column: string; dtype: Dtype; cast: string };
export type KeyParse = { ok: true; parts: KeyPart[] } | { ok: false; errors: { column: string; message: string }[] };

const INT_RANGE: Partial<Record<KeySqlType, [bigint, bigint]>> = {
  smallint: [-(2n ** 15n), 2n ** 15n - 1n],
  integer: [-(2n ** 31n), 2n ** 31n - 1n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
};
/** Without rw_columns (RisingWave down), the registry's dtype stands for the SQL type. */
const SQL_TYPE_OF_DTYPE: Partial<Record<Dtype, KeySqlType>> = {
  int32: "integer",
  int64: "bigint",
  string: "character varying",
  decimal: "numeric",
  bool: "boolean",
  date: "date",
  timestamp: "timestamp with time zone",
};

export function sqlTypeOf(column: KeyColumn): KeySqlType | null {
  if (column.dataType) return isKeySqlType(column.dataType.toLowerCase()) ? (column.dataType.toLowerCase() as KeySqlType) : null;
  return SQL_TYPE_OF_DTYPE[column.dtype] ?? null;
}

function canonical(sqlType: KeySqlType, raw: string): { sql?: string; error?: string } {
  const value = sqlType === "character varying" ? raw : raw.trim();
  const range = INT_RANGE[sqlType];
  if (range) {
    if (!/^-?\d+$/.test(value)) return { error: "must be a whole number" };
    const number = BigInt(value);
    return number < range[0] || number > range[1] ? { error: `out of range for ${sqlType}` } : { sql: number.toString() };
  }
  switch (sqlType) {
    case "numeric":
      return /^-?\d+(\.\d+)?$/.test(value) ? { sql: value } : { error: "must be a decimal number" };
    case "boolean":
      return /^(true|false|t|f)$/i.test(value) ? { sql: /^t/i.test(value) ? "true" : "false" } : { error: "must be true or false" };
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
        ? { sql: value }
        : { error: "must be a date (YYYY-MM-DD)" };
    case "timestamp with time zone":
    case "timestamp without time zone": {
      const micros = parseTimestampMicros(value);
      if (micros === null) return { error: "must be an ISO timestamp" };
      return { sql: sqlType === "timestamp with time zone" ? utcString(micros) : timestampText(micros) };
    }
    default:
      return { sql: value };
  }
}

function parseOne(column: KeyColumn, raw: string | undefined): { part?: KeyPart; error?: string } {
  const sqlType = sqlTypeOf(column);
  if (!sqlType) return { error: `lookups by a ${column.dataType ?? column.dtype} key are not supported` };
  if (raw === undefined || raw === "") return { error: "required" };
  if (raw.length > MAX_KEY_LENGTH) return { error: `at most ${MAX_KEY_LENGTH} characters` };
  const { sql, error } = canonical(sqlType, raw);
  if (sql === undefined) return { error: error ?? "invalid" };
  return { part: { column: column.name, dtype: column.dtype, sqlType, cast: KEY_SQL_TYPES[sqlType], sql } };
}

/** Validates every key column's value; nothing is sent to a backend unless all of them pass. */
export function parseKey(columns: KeyColumn[], raw: Record<string, string | undefined>): KeyParse {
  const parts: KeyPart[] = [];
  const errors: { column: string; message: string }[] = [];
  for (const column of columns) {
    const { part, error } = parseOne(column, raw[column.name]);
    if (part) parts.push(part);
    else errors.push({ column: column.name, message: error ?? "invalid" });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, parts };
}
