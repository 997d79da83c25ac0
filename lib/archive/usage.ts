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
  // Each object counts for every wanted folder among its key's parent folders: a lookup per path level,
  // not a comparison with every folder (1,000 groups over a large archive).
  for (const object of objects) {
    const segments = object.key.split("/");
    for (let depth = 1; depth < segments.length; depth++) {
      const folder = segments.slice(0, depth).join("/");
      const total = bytes.get(folder);
      if (total !== undefined) bytes.set(folder, total + object.size);
    }
  }
  return bytes;
}
