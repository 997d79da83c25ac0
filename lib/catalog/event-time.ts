import type { LiveColumn } from "./schema-check";

const TIME_TYPES = new Set(["timestamp with time zone", "timestamp without time zone"]);

/**
 * The column a group's event time is read from: the registry's timestamp_column, else the MV's
 * first non-key timestamp column (the article's YAML names none; `last_event_ts` is it). Null when
 * the MV has no such column.
 */
export function eventTimeColumn(timestampColumn: string | null | undefined, columns: LiveColumn[] | undefined): string | null {
  if (!columns) return null;
  if (timestampColumn) return columns.some((column) => column.name === timestampColumn) ? timestampColumn : null;
  return columns.find((column) => !column.isPrimaryKey && TIME_TYPES.has(column.dataType))?.name ?? null;
}
