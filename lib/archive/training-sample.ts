import "server-only";
import { parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { groupPartitions } from "./partitions";
import { archiveBuffer } from "./parquet-rows";
import { getArchive } from "./store";

export type TrainingSample = {
  partition: string;
  /** When the snapshot was taken (its snapshot_ts, else the first part file's modification time): ages are measured from it. */
  takenAt: Date;
  files: number;
  rowsInPartition: number;
  rows: Record<string, unknown>[];
};

/**
 * The newest Hive `date=` snapshot partition among `folders`, all its part files, only `columns`.
 * Above `maxRows` whole row groups are read, spread evenly over the partition, until the cap: a
 * sample that costs reads of row groups, never of whole files.
 */
export async function readTrainingSample(folders: string[], columns: string[], maxRows: number): Promise<TrainingSample | null> {
  const listed = await Promise.all(folders.map(async (folder) => groupPartitions(folder, await getArchive().list(folder))));
  const newest = listed
    .flat()
    .filter((partition) => partition.layout === "hive" && partition.day !== null)
    .sort((a, b) => (b.day as string).localeCompare(a.day as string))[0];
  if (!newest) return null;
  const parts = [...newest.files].sort((a, b) => a.key.localeCompare(b.key));
  const opened = await Promise.all(
    parts.map(async (object) => {
      const file = archiveBuffer(object);
      return { object, file, metadata: await parquetMetadataAsync(file) };
    }),
  );
  const groups = opened.flatMap(({ file, metadata }) => {
    let rowStart = 0;
    return metadata.row_groups.map((rowGroup) => {
      const range = { file, metadata, rowStart, rowEnd: rowStart + Number(rowGroup.num_rows) };
      rowStart = range.rowEnd;
      return range;
    });
  });
  const rowsInPartition = groups.reduce((sum, group) => sum + (group.rowEnd - group.rowStart), 0);
  const stride = rowsInPartition <= maxRows ? 1 : Math.ceil(rowsInPartition / maxRows);
  const rows: Record<string, unknown>[] = [];
  for (let index = 0; index < groups.length && rows.length < maxRows; index += stride) {
    const group = groups[index] as (typeof groups)[number];
    const present = new Set(group.metadata.schema.map((element) => element.name));
    const wanted = columns.filter((column) => present.has(column));
    if (wanted.length === 0) continue;
    const read = await parquetReadObjects({
      file: group.file,
      metadata: group.metadata,
      columns: wanted,
      rowStart: group.rowStart,
      rowEnd: group.rowEnd,
    });
    rows.push(...read.slice(0, maxRows - rows.length));
  }
  const first = opened[0];
  let takenAt = first?.object.lastModified ?? new Date(0);
  if (first && first.metadata.schema.some((element) => element.name === "snapshot_ts")) {
    const [row] = await parquetReadObjects({
      file: first.file,
      metadata: first.metadata,
      columns: ["snapshot_ts"],
      rowStart: 0,
      rowEnd: 1,
    });
    if (row?.snapshot_ts instanceof Date) takenAt = row.snapshot_ts;
  }
  return { partition: newest.partition, takenAt, files: parts.length, rowsInPartition, rows };
}
