// bench/load.ts needs this build, so its smoke run lives with the browser tests: one second per
// target at 5 connections, to prove it still runs to its end, prints its figures and cleans up.
import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";

test("bench/load.ts runs against this build, prints its figures and meets no error", () => {
  test.setTimeout(180_000);
  const run = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "bench/load.ts"], {
    encoding: "utf8",
    env: { ...process.env, BENCH_SECONDS: "1", BENCH_CONNECTIONS: "5" },
    timeout: 170_000,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  expect(run.status, output).toBe(0);
  expect(output).toMatch(/^baseline: bare node:http.* req\/s {2}p50 \d+ ms/m);
  for (const target of ["/freshness", "/api/freshness", "/groups?q=purchase", "/api/lookup", "/api/serving/user_features_1h/7"])
    expect(output).toContain(target);
  expect(output).toMatch(/RSS after the first round \d+ MB/);
  expect(output).toContain("errors in all: 0");
});
