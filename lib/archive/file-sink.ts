import "server-only";
import { parquetMetadataAsync } from "hyparquet";
import type { KeyPart } from "../entity-keys/parse";
import { changeFiles } from "./partitions";
import { archiveBuffer, keyRowsByRowGroup } from "./parquet-rows";
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
    // A file appends rows in order: the last row with the key is the file's value.
    let found: Record<string, unknown> | null = null;
    for await (const matches of keyRowsByRowGroup(file, metadata, key, columns)) found = matches.at(-1) ?? found;
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
