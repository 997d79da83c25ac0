// /api/freshness with 1,000 emulated groups: server time of one board build and RisingWave queries
// per refresh. Run: npm run bench:freshness  (scratch databases, dropped at the end)
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1_000);
const RUNS = 20;
const withDb = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
const base = process.env.DATABASE_URL ?? "postgresql://tideline:tideline@127.0.0.1:5432/tideline";
const registryUrl = withDb(base, `tideline_bench_fresh_${process.pid}`);
const risingwaveUrl = withDb(base, `risingwave_bench_fresh_${process.pid}`);
for (const url of [registryUrl, risingwaveUrl]) execFileSync("node", ["scripts/db.mjs", "create", url], { stdio: "inherit" });
execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: registryUrl } });
Object.assign(process.env, { DATABASE_URL: registryUrl, RISINGWAVE_URL: risingwaveUrl, REDIS_URL: "redis://127.0.0.1:6379/15", ARCHIVE_URL: `file://${mkdtempSync(path.join(tmpdir(), "bench-"))}` });

async function main() {
  const { DEFAULT_OPTIONS, Emulator } = await import("../emulator/emulator");
  const { scaleGroupName } = await import("../emulator/pipeline");
  const bootStart = performance.now();
  const emulator = await Emulator.create({
    ...DEFAULT_OPTIONS, risingwaveUrl, redisUrl: process.env.REDIS_URL as string, archiveUrl: process.env.ARCHIVE_URL as string,
    users: 1_000, extraGroups: GROUPS, entitiesPerGroup: 100, log: () => {},
  });
  console.log(`emulator with ${GROUPS} extra MVs ready in ${((performance.now() - bootStart) / 1000).toFixed(1)} s`);
  const { getPrisma } = await import("../lib/db");
  const { buildFreshnessBoard } = await import("../lib/observability/board");
  const { runCollectorCycle } = await import("../lib/observability/collector");
  const prisma = getPrisma();
  try {
    await prisma.featureGroup.createMany({
      data: Array.from({ length: GROUPS }, (_, index) => ({
        name: scaleGroupName(index + 1), owner: `team${index % 20}@example.com`, tags: ["bench"], freshnessSlaSeconds: 300,
        materializedView: scaleGroupName(index + 1), timestampColumn: "updated_at",
      })),
    });
    let clock = Date.now();
    await emulator.tick((clock += 1_000));
    const timings: number[] = [];
    let queries = 0;
    for (let run = 0; run < RUNS; run++) {
      await emulator.tick((clock += 1_000));
      const started = performance.now();
      const board = await buildFreshnessBoard(clock + run * 11_000); // past the event-time cache: full cost each run
      timings.push(performance.now() - started);
      queries = board.risingwave.queries;
      if (board.groups.length !== GROUPS) throw new Error(`expected ${GROUPS} groups, got ${board.groups.length}`);
    }
    timings.sort((a, b) => a - b);
    const at = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))]?.toFixed(0);
    console.log(`buildFreshnessBoard (${GROUPS} groups, event time measured): p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms  RisingWave queries per refresh: ${queries}`);
    const cycle = await runCollectorCycle(new Date(clock + 30_000), { webhookUrl: undefined });
    console.log(`collector cycle: ${cycle.durationMs} ms, ${cycle.risingwaveQueries} RisingWave queries for ${cycle.groups} groups`);
  } finally {
    await prisma.$disconnect();
    await emulator.stop();
    for (const url of [registryUrl, risingwaveUrl]) execFileSync("node", ["scripts/db.mjs", "drop", url], { stdio: "inherit" });
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
