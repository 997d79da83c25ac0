import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

/** Every .yaml/.yml file under the given files and folders, sorted, read as text. */
export async function readYamlInputs(inputs: string[]): Promise<{ file: string; text: string }[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new Error(`no such file or folder: ${input}`);
    if (info.isFile()) {
      files.push(input);
      continue;
    }
    const entries = await readdir(input, { recursive: true, withFileTypes: true });
    for (const entry of entries) if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(path.join(entry.parentPath, entry.name));
  }
  const unique = [...new Set(files)].sort();
  return Promise.all(unique.map(async (file) => ({ file, text: await readFile(file, "utf8") })));
}
