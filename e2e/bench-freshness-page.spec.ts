// bench/freshness-page.ts needs this build and Chromium, so its smoke run lives with the browser tests:
// 150 groups, enough for the board to draw one page of 100 rows.
import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";

test("bench/freshness-page.ts runs against this build: a page of 100 rows, the filter kept across refreshes", () => {
  test.setTimeout(180_000);
  const run = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "bench/freshness-page.ts"], {
    encoding: "utf8",
    env: { ...process.env, BENCH_GROUPS: "150" },
    timeout: 170_000,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  expect(run.status, output).toBe(0);
  expect(output).toMatch(/first row visible \d+ ms after navigation .*; 100 rows drawn/);
  expect(output).toMatch(/long tasks over the load and two refreshes: \d+, longest \d+ ms/);
  expect(output).toContain("across refreshes: filter kept");
});
