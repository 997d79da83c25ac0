import { spawnSync } from "node:child_process";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { ADMIN_STATE } from "./accounts";

/** Runs the emulator's fault CLI against the e2e run's emulator (RISINGWAVE_URL from scripts/test.sh). */
export function emulator(...args: string[]) {
  const run = spawnSync("node_modules/.bin/tsx", ["emulator/main.ts", ...args], { encoding: "utf8", env: process.env });
  expect(run.status, run.stderr).toBe(0);
}

/** Sets a group's freshness SLA through the API (specs restore the group with keepGroup). */
export async function setSla(request: APIRequestContext, name: string, seconds: number): Promise<void> {
  const current = await (await request.get(`/api/groups/${name}`)).json();
  const response = await request.put(`/api/groups/${name}`, {
    data: { version: current.version, definition: { ...current.definition, freshness_sla_seconds: seconds } },
  });
  expect(response.status()).toBe(200);
}

/**
 * What a spec changes in a group, restored in its afterAll (even when a test failed half-way): the
 * stored definition is read before, and written back through an admin session after.
 */
export async function keepGroup(browser: Browser, name: string): Promise<() => Promise<void>> {
  const context = await browser.newContext({ storageState: ADMIN_STATE, baseURL: test.info().project.use.baseURL });
  const original = (await (await context.request.get(`/api/groups/${name}`)).json()).definition;
  return async () => {
    const current = await (await context.request.get(`/api/groups/${name}`)).json();
    await context.request.put(`/api/groups/${name}`, { data: { version: current.version, definition: original } });
    await context.close();
  };
}

/** Open freshness incidents ("breach", "degraded"): drift incidents are counted by the drift spec. */
export async function openFreshnessIncidents(request: APIRequestContext): Promise<{ groupName: string; kind: string }[]> {
  const { incidents } = (await (await request.get("/api/incidents?open=1")).json()) as { incidents: { groupName: string; kind: string }[] };
  return incidents.filter((incident) => incident.kind !== "drift");
}
