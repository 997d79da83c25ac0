// Local configuration for the command-line programs (CLI, emulator, benchmarks, test set-up, the
// Prisma CLI): unset variables are filled from `.env`, then `.env.example`; what is set always wins.
// The app server reads only the environment (lib/env.ts).
import { existsSync } from "node:fs";

export function loadEnvDefaults(files: string[] = [".env", ".env.example"]): void {
  for (const file of files) {
    if (!existsSync(file)) continue;
    const before = { ...process.env };
    process.loadEnvFile(file);
    Object.assign(process.env, before);
  }
}
