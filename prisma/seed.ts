// Loads every YAML definition under features/ into the registry. Safe to run again: unchanged
// groups are left alone. Run with `npm run db:seed` (react-server condition: lib/ is server-only).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { upsertDefinition } from "../lib/registry/groups";
import { getPrisma } from "../lib/db";
import { parseDefinitions } from "../lib/yaml/definitions";

const FEATURES_DIR = path.join(process.cwd(), "features");

async function main() {
  const files = (await readdir(FEATURES_DIR)).filter((name) => /\.ya?ml$/.test(name)).sort();
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const name of files) {
    const file = path.join("features", name);
    const { definitions, problems } = parseDefinitions(await readFile(file, "utf8"), file);
    if (problems.length > 0) {
      throw new Error(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.path} ${p.message}`).join("\n"));
    }
    for (const { definition } of definitions) counts[await upsertDefinition(definition, "seed")] += 1;
  }
  console.log(`seed: ${files.length} file(s); ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => getPrisma().$disconnect());
