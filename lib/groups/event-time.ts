import type { LiveColumn } from "./schema-check";

const TIME_TYPES = new Set(["timestamp with time zone", "timestamp without time zone"]);

/**
 * RisingWave's hidden column on every table and MV (v2.2+): when a row version was written (§1.1).
 * Without an event-time column, "the newest row change" is the data's age.
 */
export const ROW_WRITE_TIME_COLUMN = "_rw_timestamp";

/**
 * The column a group's event time is read from: the registry's timestamp_column, else the MV's
 * first non-key timestamp column (the article's YAML names none; `last_event_ts` is it), else the
 * hidden `_rw_timestamp` (the article's user_item_affinity has no time column). Null when the MV is unknown.
 */
export function eventTimeColumn(timestampColumn: string | null | undefined, columns: LiveColumn[] | undefined): string | null {
  if (!columns) return null;
  if (timestampColumn) return columns.some((column) => column.name === timestampColumn) ? timestampColumn : null;
  return columns.find((column) => !column.isPrimaryKey && TIME_TYPES.has(column.dataType))?.name ?? ROW_WRITE_TIME_COLUMN;
}
