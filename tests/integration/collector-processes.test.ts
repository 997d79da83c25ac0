// Two collector processes (`npm run collector`) against one registry: exactly one collects; kill it and
// the other takes over within a cycle.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";

const started: ChildProcess[] = [];
afterAll(() => started.forEach((child) => child.kill("SIGKILL")));

/** A collector process whose output lines are collected as they come. */
function collector() {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/collector.ts"], {
    env: { ...process.env, COLLECTOR_INTERVAL_SECONDS: "0.5", REDIS_STATS_INTERVAL_SECONDS: "3600" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  const lines: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean)));
  return { child, lines };
}

const said = (lines: string[], text: string) => lines.some((line) => line.includes(text));
const until = async (check: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
};

describe("collector processes", () => {
  it("one collects, the other stands by, and takes over within a cycle when the first dies", async () => {
    const first = collector();
    expect(await until(() => said(first.lines, "collecting (holds the lease)"), 20_000)).toBe(true);
    const second = collector();
    expect(await until(() => said(second.lines, "standing by: another replica collects"), 20_000)).toBe(true);
    expect(said(second.lines, "collecting (holds the lease)")).toBe(false);

    const killedAt = Date.now();
    first.child.kill("SIGKILL"); // no goodbye: the database ends the dead session and its lock
    expect(await until(() => said(second.lines, "collecting (holds the lease)"), 10_000)).toBe(true);
    expect(Date.now() - killedAt).toBeLessThan(5_000);
  }, 60_000);
});
