import "server-only";
import { getArchive } from "./store";

/**
 * Bytes stored under each folder. Folders are listed by their first path segment, once each
 * (`snapshots/a` and `snapshots/b` share one listing), so N groups cost a few listings, not N.
 */
export async function archiveBytesOf(folders: string[]): Promise<Map<string, number>> {
  const archive = getArchive();
  const wanted = [...new Set(folders.map((folder) => folder.replace(/\/+$/, "")))];
  const roots = [...new Set(wanted.map((folder) => folder.split("/")[0] ?? folder))];
  const objects = (await Promise.all(roots.map((root) => archive.list(root)))).flat();
  const bytes = new Map(wanted.map((folder) => [folder, 0]));
  for (const object of objects)
    for (const folder of wanted) if (object.key.startsWith(`${folder}/`)) bytes.set(folder, (bytes.get(folder) ?? 0) + object.size);
  return bytes;
}
