import { spawnSync } from "node:child_process";
import { expect, type APIRequestContext } from "@playwright/test";

/** Runs the emulator's fault CLI against the e2e run's emulator (RISINGWAVE_URL from scripts/test.sh). */
export function emulator(...args: string[]) {
  const run = spawnSync("node_modules/.bin/tsx", ["emulator/main.ts", ...args], { encoding: "utf8", env: process.env });
  expect(run.status, run.stderr).toBe(0);
}

/** Sets a group's freshness SLA through the API and returns the previous value. */
export async function setSla(request: APIRequestContext, name: string, seconds: number): Promise<number> {
  const current = await (await request.get(`/api/groups/${name}`)).json();
  const response = await request.put(`/api/groups/${name}`, {
    data: { version: current.version, definition: { ...current.definition, freshness_sla_seconds: seconds } },
  });
  expect(response.status()).toBe(200);
  return current.definition.freshness_sla_seconds;
}
