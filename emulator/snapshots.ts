// The article's daily snapshot job (outside RisingWave): Hive-style partitions
// `snapshots/<group>/date=YYYY-MM-DD/part-0000N.parquet` (several part files per day, as in the
// article's layout), with a week of back-filled history.
import type { Pool } from "pg";
import type { ArchiveWriter } from "./archive-writer";
import { qualified, quoteIdent } from "./db";
import { encodeParquet } from "./parquet";
import type { RelationSpec } from "./pipeline";
import type { Row } from "./sink-format";
import type { ColumnSpec } from "./sql-types";

export const SNAPSHOT_GROUPS = [
  { mv: "user_features_1h", path: "snapshots/user_features_1h" },
  { mv: "order_value_features", path: "snapshots/order_value_features" },
] as const;
/** Part files per daily partition: rows are split in key order between them. */
export const PART_FILES = 2;
export const HISTORY_DAYS = 7;
const SNAPSHOT_TS: ColumnSpec = { name: "snapshot_ts", type: "timestamptz" };
const DAY_MS = 86_400_000;

export const partitionKey = (path: string, day: string, part = 0) => `${path}/date=${day}/part-${String(part).padStart(5, "0")}.parquet`;

/** A past day's view of a row: counters scaled down, times moved before the snapshot. */
function historical(row: Row, columns: ColumnSpec[], daysAgo: number, takenAt: Date): Row {
  const factor = Math.max(0.2, 1 - 0.08 * daysAgo);
  const aged: Row = { ...row, snapshot_ts: takenAt };
  for (const column of columns) {
    const value = row[column.name];
    if (column.primaryKey || value === null || value === undefined) continue;
    if (column.type === "bigint") aged[column.name] = String(Math.floor(Number(value) * factor));
    if (column.type === "numeric") aged[column.name] = (Number(value) * factor).toFixed(2);
    if (column.type === "timestamptz")
      aged[column.name] = new Date(
        Math.min(new Date(String(value instanceof Date ? value.toISOString() : value)).getTime(), takenAt.getTime() - 60_000),
      );
  }
  return aged;
}

/** Writes every missing partition from HISTORY_DAYS ago through today; returns the keys written. */
export async function writeMissingSnapshots(
  db: Pool,
  archive: ArchiveWriter,
  relations: Map<string, RelationSpec>,
  now: Date,
): Promise<string[]> {
  const written: string[] = [];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  for (const group of SNAPSHOT_GROUPS) {
    const mv = relations.get(group.mv);
    if (!mv) continue;
    let rows: Row[] | null = null;
    for (let daysAgo = HISTORY_DAYS; daysAgo >= 0; daysAgo--) {
      const day = new Date(today - daysAgo * DAY_MS).toISOString().slice(0, 10);
      const key = partitionKey(group.path, day);
      if (await archive.exists(key)) continue;
      rows ??= (await db.query(`SELECT ${mv.columns.map((c) => quoteIdent(c.name)).join(", ")} FROM ${qualified(mv)} ORDER BY 1`))
        .rows as Row[];
      // Past partitions were taken at 00:05 UTC on their day; today's is taken now.
      const takenAt = daysAgo === 0 ? now : new Date(today - daysAgo * DAY_MS + 5 * 60_000);
      const snapshotRows = rows.map((row) =>
        daysAgo === 0 ? { ...row, snapshot_ts: takenAt } : historical(row, mv.columns, daysAgo, takenAt),
      );
      const perPart = Math.ceil(snapshotRows.length / PART_FILES);
      for (let part = PART_FILES - 1; part >= 0; part--) {
        // part-00000 last: its presence marks the partition complete.
        const partKey = partitionKey(group.path, day, part);
        await archive.put(partKey, encodeParquet([...mv.columns, SNAPSHOT_TS], snapshotRows.slice(part * perPart, (part + 1) * perPart)));
        written.push(partKey);
      }
    }
  }
  return written;
}
