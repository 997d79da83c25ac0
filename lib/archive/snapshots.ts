import "server-only";
import { parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import type { KeyPart } from "../entity-keys/parse";
import { groupPartitions, type ArchivePartition } from "./partitions";
import { archiveBuffer, keyRowsByRowGroup } from "./parquet-rows";
import { getArchive } from "./store";

/** Partitions with more files than this are listed without opening every footer (a file sink writes thousands a day). */
const FOOTERS_PER_PARTITION = 20;

export type PartitionSummary = Omit<ArchivePartition, "files"> & { fileCount: number; rows: number | null };

/** Every partition under `folder` with file count and bytes; rows from the Parquet footers where there are few files. */
export async function describePartitions(folder: string): Promise<PartitionSummary[]> {
  const partitions = groupPartitions(folder, await getArchive().list(folder));
  return Promise.all(
    partitions.map(async ({ files, ...partition }) => {
      const rows =
        files.length > FOOTERS_PER_PARTITION
          ? null
          : (await Promise.all(files.map(async (file) => Number((await parquetMetadataAsync(archiveBuffer(file))).num_rows)))).reduce(
              (sum, count) => sum + count,
              0,
            );
      return { ...partition, fileCount: files.length, rows };
    }),
  );
}

export type SnapshotHit = {
  partition: string;
  /** The part file that holds the row, or the partition's first part file when none does. */
  file: string;
  /** When the snapshot was taken: its snapshot_ts column, or the file's modification time. */
  takenAt: Date;
  row: Record<string, unknown> | null;
  files: number;
  rowGroupsRead: number;
  rowGroups: number;
};

/**
 * The entity's row in the Hive `date=` snapshot in force at `at` (the latest when `at` is absent):
 * the newest daily partition taken at or before `at`, never a later one, reading every part file of
 * it (§11.6). Only row groups whose key statistics can hold the key are read, and only the columns asked for.
 */
export async function findSnapshotRow(folder: string, key: KeyPart[], columns: string[], at: Date | null): Promise<SnapshotHit | null> {
  const partitions = groupPartitions(folder, await getArchive().list(folder)).filter(
    (partition) =>
      partition.layout === "hive" && partition.day !== null && (!at || (partition.day as string) <= at.toISOString().slice(0, 10)),
  );
  for (const partition of partitions) {
    const parts = [...partition.files].sort((a, b) => a.key.localeCompare(b.key));
    let takenAt: Date | null = null;
    let rowGroupsRead = 0;
    let rowGroups = 0;
    for (const object of parts) {
      const file = archiveBuffer(object);
      const metadata = await parquetMetadataAsync(file);
      const fields = new Set(metadata.schema.map((element) => element.name));
      takenAt ??= fields.has("snapshot_ts")
        ? new Date(
            ((await parquetReadObjects({ file, metadata, columns: ["snapshot_ts"], rowStart: 0, rowEnd: 1 }))[0]?.snapshot_ts as
              Date | undefined) ?? object.lastModified,
          )
        : object.lastModified;
      if (at && takenAt.getTime() > at.getTime()) break; // taken after the requested time: not in force then
      rowGroups += metadata.row_groups.length;
      for await (const matches of keyRowsByRowGroup(file, metadata, key, columns)) {
        rowGroupsRead++;
        const row = matches[0];
        if (row) return { partition: partition.partition, file: object.key, takenAt, row, files: parts.length, rowGroupsRead, rowGroups };
      }
    }
    if (takenAt && (!at || takenAt.getTime() <= at.getTime())) {
      return {
        partition: partition.partition,
        file: parts[0]?.key ?? "",
        takenAt,
        row: null,
        files: parts.length,
        rowGroupsRead,
        rowGroups,
      };
    }
  }
  return null;
}
