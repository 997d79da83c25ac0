import type { Dtype } from "../schemas/feature-group";

/** The longest key value accepted; anything longer is refused before any backend is asked. */
export const MAX_KEY_LENGTH = 256;

export type KeyColumn = { name: string; dtype: Dtype };
/** A validated key value: `sql` is the parameter sent to RisingWave, `cast` its type. */
export type KeyPart = { column: string; dtype: Dtype; cast: string; sql: string };
export type KeyParse = { ok: true; parts: KeyPart[] } | { ok: false; errors: { column: string; message: string }[] };

const INT_RANGE: Partial<Record<Dtype, [bigint, bigint]>> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
};
const CASTS: Partial<Record<Dtype, string>> = { int32: "int4", int64: "int8", string: "varchar", decimal: "numeric", bool: "boolean", date: "date", timestamp: "timestamptz" };

function parseOne(column: KeyColumn, raw: string | undefined): { part?: KeyPart; error?: string } {
  const cast = CASTS[column.dtype];
  if (!cast) return { error: `lookups by a ${column.dtype} key are not supported` };
  if (raw === undefined || raw === "") return { error: "required" };
  if (raw.length > MAX_KEY_LENGTH) return { error: `at most ${MAX_KEY_LENGTH} characters` };
  const value = column.dtype === "string" ? raw : raw.trim();
  const range = INT_RANGE[column.dtype];
  if (range) {
    if (!/^-?\d+$/.test(value)) return { error: "must be a whole number" };
    const number = BigInt(value);
    if (number < range[0] || number > range[1]) return { error: `out of range for ${column.dtype}` };
    return { part: { column: column.name, dtype: column.dtype, cast, sql: number.toString() } };
  }
  if (column.dtype === "decimal" && !/^-?\d+(\.\d+)?$/.test(value)) return { error: "must be a decimal number" };
  if (column.dtype === "bool" && !/^(true|false)$/i.test(value)) return { error: "must be true or false" };
  if (column.dtype === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { error: "must be a date (YYYY-MM-DD)" };
  if (column.dtype === "timestamp" && Number.isNaN(Date.parse(value))) return { error: "must be an ISO timestamp" };
  const sql = column.dtype === "timestamp" ? new Date(value).toISOString() : column.dtype === "bool" ? value.toLowerCase() : value;
  return { part: { column: column.name, dtype: column.dtype, cast, sql } };
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

/** `{user_id}` placeholders of a key template filled with the key's text form (as the sink and cache do). */
export function renderKeyTemplate(template: string, parts: KeyPart[]): string {
  const values = new Map(parts.map((part) => [part.column, part.sql]));
  return template.replace(/\\([{}])|\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g, (_, literal: string | undefined, column: string | undefined) => literal ?? values.get(column ?? "") ?? "NULL");
}

/** The JSON sink's key: pk columns in order, compact, integers as bare digits (exact beyond 2^53; contract §6.4). */
export function jsonSinkKey(parts: KeyPart[]): string {
  const bare = (part: KeyPart) => part.dtype === "int32" || part.dtype === "int64" || part.dtype === "bool";
  return `{${parts.map((part) => `${JSON.stringify(part.column)}:${bare(part) ? part.sql : JSON.stringify(part.sql)}`).join(",")}}`;
}
