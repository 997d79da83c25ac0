// Exactly what RisingWave's sinks write (docs/reference/risingwave-catalog.md §6, §11.1–3), from the
// emulator's row values: int8/numeric as strings, timestamptz as Date (or ISO text), timestamp,
// date and jsonb as their PostgreSQL text (see db.ts for the type parsers).
import type { ColumnSpec, ColumnType } from "./sql-types";

export type RowValue = string | number | boolean | Date | bigint | null | undefined;
export type Row = Record<string, RowValue>;

const pad = (value: number | bigint, width = 2) => String(value).padStart(width, "0");
const MS_PER_DAY = 86_400_000;
/** num_days_from_ce of 1970-01-01: RisingWave's JSON date is days since 0001-01-01 counted from 1. */
const CE_DAYS_AT_UNIX_EPOCH = 719_163;

const TIME_TEXT = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d(?::?\d\d)?)?$/;

/** Microseconds since 1970 (UTC) of a Date or of PostgreSQL/ISO timestamp text (no zone: UTC). */
export function epochMicros(value: Date | string): bigint {
  if (value instanceof Date) return BigInt(value.getTime()) * 1000n;
  const match = TIME_TEXT.exec(value.trim());
  if (!match) throw new Error(`not a timestamp: ${value}`);
  const [, y, mo, d, h, mi, s, fraction = "", zone = "Z"] = match;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0")) * 60_000;
  }
  return BigInt(ms) * 1000n + BigInt(fraction.padEnd(6, "0").slice(0, 6));
}

function clockParts(micros: bigint) {
  const fraction = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const date = new Date(Number((micros - fraction) / 1000n));
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return { day, time, fraction };
}

/** timestamptz in the sink's default utc_string mode: six fraction digits, Z suffix. */
export function utcString(value: Date | string): string {
  const { day, time, fraction } = clockParts(epochMicros(value));
  return `${day}T${time}.${pad(fraction, 6)}Z`;
}

/** RisingWave's text of a timestamp: the fraction in 3 or 6 digits, none when zero (to_text.rs). */
function textTime(value: Date | string): string {
  const { day, time, fraction } = clockParts(epochMicros(value));
  const digits = fraction === 0n ? "" : fraction % 1000n === 0n ? `.${pad(fraction / 1000n, 3)}` : `.${pad(fraction, 6)}`;
  return `${day} ${time}${digits}`;
}

/** Days since 0001-01-01 (0001-01-01 is day 1), as RisingWave's JSON encoder writes a date. */
export function ceDays(isoDay: string): number {
  return Math.round(Date.parse(`${isoDay}T00:00:00Z`) / MS_PER_DAY) + CE_DAYS_AT_UNIX_EPOCH;
}

const dayText = (value: RowValue) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

/** One value in ENCODE JSON, as JSON text (int8 stays exact: it never goes through Number). */
export function jsonValue(value: RowValue, type: ColumnType): string {
  if (value === null || value === undefined) return "null";
  switch (type) {
    case "bigint":
    case "integer":
      return BigInt(String(value)).toString();
    case "double":
      return JSON.stringify(Number(value));
    case "numeric":
    case "varchar":
      return JSON.stringify(String(value));
    case "jsonb":
      return JSON.stringify(typeof value === "string" ? value : JSON.stringify(value));
    case "boolean":
      return String(value === true || value === "t" || value === "true");
    case "date":
      return String(ceDays(dayText(value)));
    case "timestamptz":
      return JSON.stringify(utcString(value instanceof Date ? value : String(value)));
    case "timestamp":
      return String(epochMicros(value instanceof Date ? value : String(value)) / 1000n);
  }
}

/** A compact JSON object of `columns`, keys in alphabetical order (serde_json without preserve_order). */
function jsonObject(row: Row, columns: ColumnSpec[]): string {
  const sorted = [...columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `{${sorted.map((column) => `${JSON.stringify(column.name)}:${jsonValue(row[column.name], column.type)}`).join(",")}}`;
}

/** Key of the JSON-encoded sink: the primary-key columns only, sorted like the value (§11.1). */
export const jsonKey = (row: Row, columns: ColumnSpec[]) =>
  jsonObject(
    row,
    columns.filter((column) => column.primaryKey),
  );

/** Value of the JSON-encoded sink: every visible column. */
export const jsonRow = (row: Row, columns: ColumnSpec[]) => jsonObject(row, columns);

/** A value's text form as RisingWave prints it (TEMPLATE placeholders, §11.3). */
export function textValue(value: RowValue, type: ColumnType): string {
  if (value === null || value === undefined) return "NULL";
  switch (type) {
    case "boolean":
      return value === true || value === "t" || value === "true" ? "t" : "f";
    case "timestamptz":
      return `${textTime(value instanceof Date ? value : String(value))}+00:00`;
    case "timestamp":
      return textTime(value instanceof Date ? value : String(value));
    case "date":
      return dayText(value);
    case "jsonb":
      return typeof value === "string" ? value : JSON.stringify(value);
    default:
      return String(value);
  }
}

/** ENCODE TEMPLATE: `{col}` placeholders take the column's text form; `\{` and `\}` are literal braces. */
export function renderTemplate(format: string, row: Row, columns: ColumnSpec[]): string {
  const types = new Map(columns.map((column) => [column.name, column.type]));
  return format.replace(
    /\\([{}])|\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g,
    (_, literal: string | undefined, column: string | undefined) =>
      literal ?? textValue(row[column ?? ""], types.get(column ?? "") ?? "varchar"),
  );
}
