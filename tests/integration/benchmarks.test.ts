// Every benchmark runs at a tiny size in `npm test`: a benchmark that breaks fails CI. The figures
// themselves are not checked (they belong to bench/README.md), only that each prints them, and that
// no scratch database outlives a run, Ctrl-C included.
import { spawn } from "node:child_process";
import { Client } from "pg";
import { describe, expect, it } from "vitest";
import { pgConfigFromUrl } from "@/lib/pg-config";

const TINY = { BENCH_GROUPS: "20", BENCH_RUNS: "3", BENCH_KEYS: "3000", BENCH_SECONDS: "1" };

function runBench(script: string, stopAfter?: RegExp): Promise<{ code: number | null; output: string; pid: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
      env: { ...process.env, ...TINY },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (stopAfter?.test(output) && child.exitCode === null) child.kill("SIGTERM");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("exit", (code) => resolve({ code, output, pid: child.pid ?? 0 }));
  });
}

/** Scratch databases a benchmark process left behind (their names end with its pid). */
async function leftovers(pid: number): Promise<string[]> {
  const client = new Client(pgConfigFromUrl(process.env.DATABASE_URL ?? ""));
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`%_bench_%_${pid}`]);
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

const FIGURES: Record<string, RegExp> = {
  "bench/group-search.ts": /q=purchase\s+matches\s+\d+\s+p50 [\d.]+ ms/,
  "bench/freshness.ts": /p50 [\d.]+ ms/,
  "bench/lineage.ts": /p50 [\d.]+ ms/,
  "bench/serving.ts": /p50 [\d.]+ ms/,
  "bench/redis-stats.ts": /keyspace: \d+ keys/,
  "bench/drift.ts": /drift cycle: \d+ groups, \d+ features/,
};

describe("benchmarks at a tiny size", () => {
  for (const [script, figures] of Object.entries(FIGURES)) {
    it(`${script} runs to its end, prints its figures and drops its scratch databases`, async () => {
      const run = await runBench(script);
      expect(run.code, run.output).toBe(0);
      expect(run.output).toMatch(figures);
      expect(await leftovers(run.pid)).toEqual([]);
    }, 180_000);
  }

  it("a benchmark stopped half-way (SIGTERM, as Ctrl-C) still drops its scratch databases", async () => {
    const run = await runBench("bench/group-search.ts", /loaded \d+ groups/);
    expect(run.code).not.toBe(0);
    expect(await leftovers(run.pid)).toEqual([]);
  }, 180_000);
});
