import "server-only";
import { parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import type { KeyPart } from "../entity-keys/parse";
import { changeFiles } from "./partitions";
import { archiveBuffer, mayContain, rowMatches } from "./parquet-rows";
import { getArchive } from "./store";

/** At most this many change files are opened for one lookup (a sink writes thousands a day). */
const MAX_FILES_READ = 400;

export type ChangeHit = {
  /** The file that holds the entity's last row at or before `at`, or null when no file read has it. */
  file: string | null;
  day: string | null;
  /** When that file was opened (its `_{secs}_`): the row was written at or after it. */
  writtenAt: Date | null;
  row: Record<string, unknown> | null;
  filesRead: number;
  filesConsidered: number;
  /** More files were in range than were read. */
  truncated: boolean;
};

/**
 * The entity's value as of `at` (now when null) from a file sink's change files: every writer's
 * files up to `at`, newest first, the last row with the key wins (§11.6). Files and row groups whose
 * key statistics cannot hold the key are skipped; only the needed columns are read.
 */
export async function findChangeRow(folder: string, key: KeyPart[], columns: string[], at: Date | null): Promise<ChangeHit> {
  const files = changeFiles(folder, await getArchive().list(folder)).filter((file) => !at || file.secs * 1000 <= at.getTime());
  const newestFirst = files.reverse();
  let filesRead = 0;
  for (const object of newestFirst.slice(0, MAX_FILES_READ)) {
    filesRead++;
    const file = archiveBuffer(object);
    const metadata = await parquetMetadataAsync(file);
    const fields = new Set(metadata.schema.map((element) => element.name));
    const wanted = [...new Set([...key.map((part) => part.column), ...columns])].filter((column) => fields.has(column));
    let rowStart = 0;
    let found: Record<string, unknown> | null = null;
    for (const [index, rowGroup] of metadata.row_groups.entries()) {
      const rowEnd = rowStart + Number(rowGroup.num_rows);
      if (key.every((part) => mayContain(metadata, index, part))) {
        const rows = await parquetReadObjects({ file, metadata, columns: wanted, rowStart, rowEnd });
        found = rows.findLast((candidate) => rowMatches(candidate, key)) ?? found;
      }
      rowStart = rowEnd;
    }
    if (found) {
      return {
        file: object.key,
        day: object.day,
        writtenAt: new Date(object.secs * 1000),
        row: found,
        filesRead,
        filesConsidered: files.length,
        truncated: false,
      };
    }
  }
  return {
    file: null,
    day: null,
    writtenAt: null,
    row: null,
    filesRead,
    filesConsidered: files.length,
    truncated: files.length > MAX_FILES_READ,
  };
}
