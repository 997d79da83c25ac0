// Prisma CLI configuration. Prisma 6 with the JS engine and the pg driver adapter: the only
// set-up whose migrations run without downloading a native schema engine (docs/reference/toolchain.md).
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { loadEnvDefaults } from "./lib/env-file";
import { pgConfigFromUrl } from "./lib/pg-config";

// The CLI does not read .env on its own when a config file exists. `prisma generate` (postinstall,
// on a clean clone) needs DATABASE_URL to be set but never connects: the example value serves.
loadEnvDefaults();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // Idle connections close fast so the CLI exits as soon as it is done.
  adapter: async () => new PrismaPg({ ...pgConfigFromUrl(process.env.DATABASE_URL ?? ""), idleTimeoutMillis: 200 }),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx --conditions=react-server prisma/seed.ts" },
});
