// A scratch registry and emulator with N extra feature groups, for the benchmarks that need
// RisingWave at scale. Databases are created here and dropped by `dispose`.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadEnvDefaults } from "../../lib/env-file";
import { withDatabase } from "../../tests/support/urls";

export type ScratchDatabases = { registryUrl: string; risingwaveUrl: string; drop: () => void };

/**
 * The one way a benchmark gets its configuration (`.env`, then `.env.example`) and its scratch
 * databases, pointing the app's env at them; call before importing any lib/ module. The databases are
 * dropped on every way out: normal end, an error, Ctrl-C or SIGTERM.
 */
export function createScratchDatabases(label: string): ScratchDatabases {
  loadEnvDefaults();
  const base = process.env.DATABASE_URL ?? "postgresql://tideline:tideline@127.0.0.1:5432/tideline";
  const registryUrl = withDatabase(base, `tideline_bench_${label}_${process.pid}`);
  const risingwaveUrl = withDatabase(base, `risingwave_bench_${label}_${process.pid}`);
  let dropped = false;
  const drop = () => {
    if (dropped) return;
    dropped = true;
    for (const url of [registryUrl, risingwaveUrl]) execFileSync("node", ["scripts/db.mjs", "drop", url], { stdio: "inherit" });
  };
  process.once("exit", drop);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  for (const url of [registryUrl, risingwaveUrl]) execFileSync("node", ["scripts/db.mjs", "create", url], { stdio: "inherit" });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: registryUrl } });
  Object.assign(process.env, {
    DATABASE_URL: registryUrl,
    RISINGWAVE_URL: risingwaveUrl,
    REDIS_URL: "redis://127.0.0.1:6379/15",
    ARCHIVE_URL: `file://${mkdtempSync(path.join(tmpdir(), "bench-"))}`,
  });
  return { registryUrl, risingwaveUrl, drop };
}

/** An emulator with `groups` extra MVs and a registered group for each; `dispose` drops everything. */
export async function startScaledPipeline(groups: number, urls: ScratchDatabases) {
  const { DEFAULT_OPTIONS, Emulator } = await import("../../emulator/emulator");
  const { scaleGroupName } = await import("../../emulator/pipeline");
  const started = performance.now();
  const emulator = await Emulator.create({
    ...DEFAULT_OPTIONS,
    risingwaveUrl: urls.risingwaveUrl,
    redisUrl: process.env.REDIS_URL as string,
    archiveUrl: process.env.ARCHIVE_URL as string,
    users: 1_000,
    extraGroups: groups,
    entitiesPerGroup: 100,
    log: () => {},
  });
  const readySeconds = (performance.now() - started) / 1000;
  const { getPrisma } = await import("../../lib/db");
  const prisma = getPrisma();
  await prisma.featureGroup.createMany({
    data: Array.from({ length: groups }, (_, index) => ({
      name: scaleGroupName(index + 1),
      owner: `team${index % 20}@example.com`,
      tags: ["bench"],
      freshnessSlaSeconds: 300,
      materializedView: scaleGroupName(index + 1),
      timestampColumn: "updated_at",
    })),
  });
  const dispose = async () => {
    await prisma.$disconnect();
    await emulator.stop();
    urls.drop();
  };
  return { emulator, readySeconds, dispose };
}

/** "p50 12 ms  p95 20 ms  max 31 ms" of a list of timings in milliseconds. */
export function percentiles(
  timings: number[],
  points: [string, number][] = [
    ["p50", 0.5],
    ["p95", 0.95],
    ["max", 1],
  ],
): string {
  const sorted = [...timings].sort((a, b) => a - b);
  return points
    .map(([label, p]) => `${label} ${sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]?.toFixed(1)} ms`)
    .join("  ");
}
