// Loads every YAML definition under features/ into the registry. Safe to run again: unchanged
// groups are left alone. Run with `npm run db:seed` (react-server condition: lib/ is server-only).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { hashPassword } from "../lib/auth/password";
import { upsertDefinition } from "../lib/registry/groups";
import { getPrisma } from "../lib/db";
import { parseDefinitions } from "../lib/yaml/definitions";

const FEATURES_DIR = path.join(process.cwd(), "features");

/** The demo's users: an admin and the owners of two seeded groups (known passwords, printed by `npm run demo`). */
const DEMO_USERS = [
  { email: "admin@example.com", name: "Demo admin", role: "admin", teams: [], password: "tideline-admin" },
  { email: "ml-platform@example.com", name: "ML platform", role: "editor", teams: ["ml-platform"], password: "tideline-ml" },
  { email: "recsys@example.com", name: "Recsys", role: "editor", teams: ["recsys"], password: "tideline-recsys" },
] as const;

/** Creates missing demo users; an existing user (and a changed password) is left alone. */
async function seedUsers() {
  const prisma = getPrisma();
  for (const user of DEMO_USERS) {
    if (await prisma.user.findUnique({ where: { email: user.email } })) continue;
    await prisma.user.create({
      data: {
        email: user.email,
        name: user.name,
        role: user.role,
        teams: [...user.teams],
        passwordHash: await hashPassword(user.password),
      },
    });
  }
  console.log("seed: demo users (email / password / role):");
  for (const user of DEMO_USERS)
    console.log(
      `  ${user.email.padEnd(26)} ${user.password.padEnd(17)} ${user.role}${user.teams.length ? ` (team ${user.teams.join(", ")})` : ""}`,
    );
}

async function main() {
  const files = (await readdir(FEATURES_DIR)).filter((name) => /\.ya?ml$/.test(name)).sort();
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const name of files) {
    const file = path.join("features", name);
    const { definitions, problems } = parseDefinitions(await readFile(file, "utf8"), file);
    if (problems.length > 0) {
      throw new Error(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.path} ${p.message}`).join("\n"));
    }
    for (const { definition } of definitions)
      counts[await upsertDefinition(definition, "seed", undefined, { origin: { kind: "yaml", ref: file } })] += 1;
  }
  console.log(`seed: ${files.length} file(s); ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`);
  await seedUsers();
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => getPrisma().$disconnect());
