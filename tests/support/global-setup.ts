// Gives every integration run its own registry and RisingWave databases (created, migrated, and
// dropped afterwards) so parallel runs and the demo never collide.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { loadEnvDefaults } from "../../lib/env-file";
import { withDatabase } from "./urls";

function db(command: "create" | "drop", url: string) {
  execFileSync("node", ["scripts/db.mjs", command, url], { stdio: "inherit" });
}

export default function setup() {
  loadEnvDefaults();
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const registryUrl = withDatabase(process.env.DATABASE_URL ?? "", `tideline_it_${runId}`);
  const risingwaveUrl = withDatabase(process.env.RISINGWAVE_URL ?? process.env.DATABASE_URL ?? "", `risingwave_it_${runId}`);
  db("create", registryUrl);
  db("create", risingwaveUrl);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: registryUrl } });
  // Workers are started after global setup and inherit this environment.
  process.env.DATABASE_URL = registryUrl;
  process.env.RISINGWAVE_URL = risingwaveUrl;
  process.env.TEST_RUN_ID = runId;
  return () => {
    db("drop", registryUrl);
    db("drop", risingwaveUrl);
  };
}
