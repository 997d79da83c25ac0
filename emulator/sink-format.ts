// Exactly what RisingWave's Redis sink writes (../shared/risingwave-catalog.md §6), from pg row values.
import type { ColumnSpec, ColumnType } from "./sql-types";

export type RowValue = string | number | boolean | Date | bigint | null | undefined;
export type Row = Record<string, RowValue>;

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** timestamptz in the sink's default utc_string mode: microsecond precision, Z suffix. */
export function utcString(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}000Z`;
}

/** timestamptz as RisingWave prints it in text form (what TEMPLATE placeholders receive). */
export function pgText(date: Date): string {
  const fraction = date.getUTCMilliseconds() ? `.${pad(date.getUTCMilliseconds(), 3)}`.replace(/0+$/, "") : "";
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${fraction}+00:00`;
}

/** One value in ENCODE JSON: integers as numbers, numeric as a string, timestamptz as utc_string. */
export function jsonValue(value: RowValue, type: ColumnType): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "bigint":
    case "integer":
    case "double":
      return Number(value);
    case "numeric":
      return String(value);
    case "timestamptz":
      return utcString(value instanceof Date ? value : new Date(String(value)));
    case "boolean":
      return Boolean(value);
    case "varchar":
      return String(value);
  }
}

/** Key of the JSON-encoded sink: the primary-key columns only, in declared order, compact. */
export function jsonKey(row: Row, columns: ColumnSpec[]): string {
  return JSON.stringify(Object.fromEntries(columns.filter((column) => column.primaryKey).map((column) => [column.name, jsonValue(row[column.name], column.type)])));
}

/** Value of the JSON-encoded sink: every visible column, keys in alphabetical order, compact. */
export function jsonRow(row: Row, columns: ColumnSpec[]): string {
  const sorted = [...columns].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return JSON.stringify(Object.fromEntries(sorted.map((column) => [column.name, jsonValue(row[column.name], column.type)])));
}

function textValue(value: RowValue): string {
  if (value === null || value === undefined) return "NULL";
  if (value instanceof Date) return pgText(value);
  return String(value);
}

/** ENCODE TEMPLATE: `{col}` placeholders take the column's text form; `\{` and `\}` are literal braces. */
export function renderTemplate(format: string, row: Row): string {
  return format.replace(/\\([{}])|\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g, (_, literal: string | undefined, column: string | undefined) =>
    literal ?? textValue(row[column ?? ""]),
  );
}
