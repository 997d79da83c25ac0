// The emulator as a program: `npm run emulator`, its fault CLI, and a clean stop on SIGTERM.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testRedisUrl } from "../support/emulator";

const env = {
  ...process.env,
  REDIS_URL: testRedisUrl(),
  ARCHIVE_URL: `file://${mkdtempSync(path.join(tmpdir(), "tideline-emulator-process-"))}`,
};
const tsx = path.resolve("node_modules/.bin/tsx");
let child: ChildProcess;
let output = "";

const cli = (...args: string[]) => spawnSync(tsx, ["emulator/main.ts", ...args], { env, encoding: "utf8", timeout: 20_000 });

beforeAll(async () => {
  child = spawn(tsx, ["emulator/main.ts", "--users", "300", "--groups", "3", "--entities", "20"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const startedAt = Date.now();
  while (!output.includes("emulator running")) {
    if (Date.now() - startedAt > 30_000 || child.exitCode !== null) throw new Error(`emulator did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(() => {
  if (child.exitCode === null) child.kill("SIGKILL");
});

describe("the emulator program", () => {
  it("creates the scale-out groups with sinks and lineage", () => {
    expect(output).toContain("23 relations"); // 17 of the demo pipeline + 3 MVs + 3 sinks
  });

  it("applies a fault from the CLI and lists it", () => {
    const stall = cli("stall", "feature_group_0002");
    expect(stall.status).toBe(0);
    expect(cli("status").stdout).toContain("stall feature_group_0002");
    expect(cli("resume", "all").stdout).toContain("1 fault(s) ended");
    expect(cli("prometheus-down").status).toBe(0);
    expect(cli("status").stdout).toContain("prometheus-down prometheus");
    expect(cli("resume", "prometheus").stdout).toContain("1 fault(s) ended");
    const clock = cli("clock", "+90m");
    expect(clock.stdout).toContain("5400 s ahead of");
    expect(cli("clock", "0").status).toBe(0);
    expect(cli("clock", "sometime").stderr).toContain("clock needs an offset");
  });

  it("refuses a fault on the wrong kind of relation, and unknown commands", () => {
    const wrong = cli("fail-sink", "user_features_1h");
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("fail-sink needs a sink; user_features_1h is a materialized view");
    expect(cli("explode", "x").status).toBe(1);
    expect(cli("shift", "user_features_1h", "last_event_ts", "3").stderr).toContain(
      "shift needs a numeric column of user_features_1h; last_event_ts is timestamp with time zone",
    );
    expect(cli("shift", "user_features_1h", "purchase_count_1h", "0").stderr).toContain("shift needs a positive factor");
    const shift = cli("shift", "user_features_1h", "purchase_count_1h", "3");
    expect(shift.stdout).toContain('shift user_features_1h {"column":"purchase_count_1h","factor":3}');
    expect(cli("resume", "user_features_1h").stdout).toContain("1 fault(s) ended");
  });

  it("stops cleanly on SIGTERM", async () => {
    const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(output).toContain("SIGTERM: stopping");
  });
});
