import type { ArchiveObject } from "./store";

export type PartitionLayout = "hive" | "risingwave-day" | "risingwave-hour" | "risingwave-month";
export type ArchivePartition = { partition: string; day: string | null; layout: PartitionLayout; files: ArchiveObject[]; bytes: number };

/**
 * The partition an object sits in, below `folder`: the snapshot job's Hive `date=YYYY-MM-DD/` or the
 * file sink's `YYYY-MM-DD/`, `YYYY-MM-DD HH:00/` or `YYYY-MM/` (contract §7.2; the month and hour
 * prefixes start with a slash, so `folder//…` is accepted).
 */
export function partitionOf(folder: string, key: string): { partition: string; day: string | null; layout: PartitionLayout } | null {
  const base = folder.replace(/\/+$/, "");
  if (!key.startsWith(`${base}/`)) return null;
  const [segment] = key
    .slice(base.length + 1)
    .split("/")
    .filter(Boolean);
  if (!segment) return null;
  let match = /^date=(\d{4}-\d{2}-\d{2})$/.exec(segment);
  if (match) return { partition: segment, day: match[1] as string, layout: "hive" };
  match = /^(\d{4}-\d{2}-\d{2})$/.exec(segment);
  if (match) return { partition: segment, day: match[1] as string, layout: "risingwave-day" };
  match = /^(\d{4}-\d{2}-\d{2}) \d{2}:00$/.exec(segment);
  if (match) return { partition: segment, day: match[1] as string, layout: "risingwave-hour" };
  if (/^\d{4}-\d{2}$/.test(segment)) return { partition: segment, day: null, layout: "risingwave-month" };
  return null;
}

/** Parquet objects under `folder` grouped by partition, newest first. */
export function groupPartitions(folder: string, objects: ArchiveObject[]): ArchivePartition[] {
  const partitions = new Map<string, ArchivePartition>();
  for (const object of objects) {
    if (!object.key.endsWith(".parquet")) continue;
    const place = partitionOf(folder, object.key);
    if (!place) continue;
    const partition = partitions.get(place.partition) ?? { ...place, files: [], bytes: 0 };
    partition.files.push(object);
    partition.bytes += object.size;
    partitions.set(place.partition, partition);
  }
  return [...partitions.values()].sort((a, b) => b.partition.localeCompare(a.partition));
}

/** Days between the first and last daily partition that have none (a snapshot job that did not run). */
export function missingDays(partitions: { day: string | null }[]): string[] {
  const days = new Set(partitions.map((partition) => partition.day).filter((day): day is string => day !== null));
  if (days.size === 0) return [];
  const sorted = [...days].sort();
  const missing: string[] = [];
  for (let time = Date.parse(`${sorted[0]}T00:00:00Z`); time < Date.parse(`${sorted.at(-1)}T00:00:00Z`); time += 86_400_000) {
    const day = new Date(time).toISOString().slice(0, 10);
    if (!days.has(day)) missing.push(day);
  }
  return missing;
}

/** `{uuid}_{secs}_{seq}.parquet`: a file sink's object name (§7.2, §11.5). */
const FILE_NAME = /([0-9a-f-]{36})_(\d+)_(\d+)\.parquet$/;

export type ChangeFile = ArchiveObject & { writer: string; secs: number; seq: number; day: string };

/** The sink's change files under `folder` (day, hour and month prefixes), oldest first by (secs, seq), numerically. */
export function changeFiles(folder: string, objects: ArchiveObject[]): ChangeFile[] {
  return groupPartitions(folder, objects)
    .filter((partition) => partition.layout !== "hive")
    .flatMap((partition) =>
      partition.files.flatMap((file) => {
        const match = FILE_NAME.exec(file.key);
        return match
          ? [{ ...file, writer: match[1] as string, secs: Number(match[2]), seq: Number(match[3]), day: partition.partition }]
          : [];
      }),
    )
    .sort((a, b) => a.secs - b.secs || a.seq - b.seq || a.writer.localeCompare(b.writer));
}
