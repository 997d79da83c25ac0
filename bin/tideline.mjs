#!/usr/bin/env node
// `npx tideline <command>`: runs cli/main.ts with the TypeScript loader, under the react-server
// condition because the CLI reuses lib/ (whose server modules import "server-only").
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../cli/main.ts", import.meta.url));
const result = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", import.meta.resolve("tsx"), main, ...process.argv.slice(2)],
  {
    stdio: "inherit",
  },
);
process.exit(result.status ?? 2);
