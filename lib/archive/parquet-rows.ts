import "server-only";
import { cachedAsyncBuffer, parquetReadObjects, type AsyncBuffer, type FileMetaData } from "hyparquet";
import { dateToCeDays } from "../entity-keys/encode";
import type { KeyPart } from "../entity-keys/parse";
import { normalize } from "../lookup/normalize";
import { getArchive, type ArchiveObject } from "./store";

/** An archive object as hyparquet reads it: footers and single row groups by range, never the whole file. */
export function archiveBuffer(object: ArchiveObject): AsyncBuffer {
  const archive = getArchive();
  return cachedAsyncBuffer({ byteLength: object.size, slice: (start, end) => archive.readRange(object.key, start, end ?? object.size) });
}

/** A key value in the form a Parquet statistic holds it: int64 as bigint, date as days, text as text; null when not comparable. */
function statisticForm(part: KeyPart): bigint | number | string | null {
  if (part.cast === "int2" || part.cast === "int4" || part.cast === "int8") return BigInt(part.sql);
  if (part.cast === "varchar") return part.sql;
  if (part.cast === "date") return dateToCeDays(part.sql) - 719_163;
  return null;
}

/** Whether a row group's min/max statistics for the key column can hold the value (no statistics: it can). */
function mayContain(metadata: FileMetaData, rowGroup: number, part: KeyPart): boolean {
  const chunk = metadata.row_groups[rowGroup]?.columns.find((candidate) => candidate.meta_data?.path_in_schema.join(".") === part.column);
  const stats = chunk?.meta_data?.statistics;
  const min = stats?.min_value ?? stats?.min;
  const max = stats?.max_value ?? stats?.max;
  const value = statisticForm(part);
  if (min === undefined || max === undefined || min === null || max === null || value === null) return true;
  if (typeof value === "bigint") return BigInt(min as bigint | number) <= value && value <= BigInt(max as bigint | number);
  if (typeof value === "number")
    return (
      Number(min instanceof Date ? min.getTime() / 86_400_000 : min) <= value &&
      value <= Number(max instanceof Date ? max.getTime() / 86_400_000 : max)
    );
  return String(min) <= value && value <= String(max);
}

/** Whether a Parquet row holds the key: each column compared in its dtype's normal form (int64 bigint, date Date, …). */
function rowMatches(row: Record<string, unknown>, key: KeyPart[]): boolean {
  return key.every((part) => {
    const left = normalize(row[part.column], part.dtype);
    const right = normalize(part.sql, part.dtype);
    return left.kind === "value" && right.kind === "value" && left.value === right.value;
  });
}

/**
 * The rows that hold `key`, one batch per row group read: only the row groups whose key statistics
 * can hold it are read, and only the key and `columns` the file has. An empty batch is a row group
 * read for nothing (callers count them).
 */
export async function* keyRowsByRowGroup(
  file: AsyncBuffer,
  metadata: FileMetaData,
  key: KeyPart[],
  columns: string[],
): AsyncGenerator<Record<string, unknown>[]> {
  const fields = new Set(metadata.schema.map((element) => element.name));
  const wanted = [...new Set([...key.map((part) => part.column), ...columns])].filter((column) => fields.has(column));
  let rowStart = 0;
  for (const [index, rowGroup] of metadata.row_groups.entries()) {
    const rowEnd = rowStart + Number(rowGroup.num_rows);
    if (key.every((part) => mayContain(metadata, index, part))) {
      const rows = await parquetReadObjects({ file, metadata, columns: wanted, rowStart, rowEnd });
      yield rows.filter((row) => rowMatches(row, key));
    }
    rowStart = rowEnd;
  }
}
