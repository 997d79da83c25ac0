import "server-only";
import { cachedAsyncBuffer, parquetMetadataAsync, parquetReadObjects, type AsyncBuffer, type FileMetaData } from "hyparquet";
import type { KeyPart } from "../lookup/key";
import { groupPartitions, type ArchivePartition } from "./partitions";
import { getArchive, type ArchiveObject } from "./store";

/** Partitions with more files than this are listed without opening every footer (a file sink writes thousands a day). */
const FOOTERS_PER_PARTITION = 20;

function asyncBuffer(object: ArchiveObject): AsyncBuffer {
  const archive = getArchive();
  return cachedAsyncBuffer({ byteLength: object.size, slice: (start, end) => archive.readRange(object.key, start, end ?? object.size) });
}

export type PartitionSummary = Omit<ArchivePartition, "files"> & { fileCount: number; rows: number | null };

/** Every partition under `folder` with file count and bytes; rows from the Parquet footers where there are few files. */
export async function describePartitions(folder: string): Promise<PartitionSummary[]> {
  const partitions = groupPartitions(folder, await getArchive().list(folder));
  return Promise.all(
    partitions.map(async ({ files, ...partition }) => {
      const rows = files.length > FOOTERS_PER_PARTITION
        ? null
        : (await Promise.all(files.map(async (file) => Number((await parquetMetadataAsync(asyncBuffer(file))).num_rows)))).reduce((sum, count) => sum + count, 0);
      return { ...partition, fileCount: files.length, rows };
    }),
  );
}

const comparable = (value: unknown) => (value instanceof Date ? value.getTime() : typeof value === "bigint" ? value : value === null || value === undefined ? null : String(value));

/** Whether a row group's min/max statistics for `column` can hold `value` (no statistics: it can). */
function mayContain(metadata: FileMetaData, rowGroup: number, column: string, part: KeyPart): boolean {
  const chunk = metadata.row_groups[rowGroup]?.columns.find((candidate) => candidate.meta_data?.path_in_schema.join(".") === column);
  const stats = chunk?.meta_data?.statistics;
  const min = stats?.min_value ?? stats?.min;
  const max = stats?.max_value ?? stats?.max;
  if (min === undefined || max === undefined) return true;
  if (part.dtype === "int32" || part.dtype === "int64") {
    const value = BigInt(part.sql);
    return BigInt(min as bigint | number) <= value && value <= BigInt(max as bigint | number);
  }
  if (part.dtype === "string") return String(min) <= part.sql && part.sql <= String(max);
  return true;
}

const matches = (row: Record<string, unknown>, key: KeyPart[]) => key.every((part) => String(comparable(row[part.column])) === String(comparable(part.dtype === "int32" || part.dtype === "int64" ? BigInt(part.sql) : part.sql)));

export type SnapshotHit = {
  partition: string;
  file: string;
  /** When the snapshot was taken: its snapshot_ts column, or the file's modification time. */
  takenAt: Date;
  row: Record<string, unknown> | null;
  rowGroupsRead: number;
  rowGroups: number;
};

/**
 * The entity's row in the snapshot in force at `at` (the latest one when `at` is absent): the newest
 * daily partition taken at or before `at`, never a later one. Only row groups whose key statistics
 * can hold the key are read, and only the columns asked for.
 */
export async function findSnapshotRow(folder: string, key: KeyPart[], columns: string[], at: Date | null): Promise<SnapshotHit | null> {
  const partitions = groupPartitions(folder, await getArchive().list(folder)).filter((partition) => partition.day !== null && (!at || (partition.day as string) <= at.toISOString().slice(0, 10)));
  for (const partition of partitions) {
    for (const object of [...partition.files].sort((a, b) => b.key.localeCompare(a.key))) {
      const file = asyncBuffer(object);
      const metadata = await parquetMetadataAsync(file);
      const fields = new Set(metadata.schema.map((element) => element.name));
      const takenAt = fields.has("snapshot_ts")
        ? new Date(((await parquetReadObjects({ file, metadata, columns: ["snapshot_ts"], rowStart: 0, rowEnd: 1 }))[0]?.snapshot_ts as Date | undefined) ?? object.lastModified)
        : object.lastModified;
      if (at && takenAt.getTime() > at.getTime()) continue; // taken after the requested time: not in force then
      const wanted = [...new Set([...key.map((part) => part.column), ...columns])].filter((column) => fields.has(column));
      let rowStart = 0;
      let rowGroupsRead = 0;
      for (const [index, rowGroup] of metadata.row_groups.entries()) {
        const rowEnd = rowStart + Number(rowGroup.num_rows);
        if (key.every((part) => mayContain(metadata, index, part.column, part))) {
          rowGroupsRead++;
          const rows = await parquetReadObjects({ file, metadata, columns: wanted, rowStart, rowEnd });
          const row = rows.find((candidate) => matches(candidate, key));
          if (row) return { partition: partition.partition, file: object.key, takenAt, row, rowGroupsRead, rowGroups: metadata.row_groups.length };
        }
        rowStart = rowEnd;
      }
      return { partition: partition.partition, file: object.key, takenAt, row: null, rowGroupsRead, rowGroups: metadata.row_groups.length };
    }
  }
  return null;
}
