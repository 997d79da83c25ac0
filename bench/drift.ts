// One drift cycle over N emulated groups, each with three features (feature_a int64, feature_b
// float64, updated_at timestamp as ages): wall time, RisingWave statements, rows read from the
// archive, and the process's peak RSS (the emulator runs in the same process). The scale groups have
// no snapshot in the archive (the emulator's snapshot job writes the article's two groups), so the
// training side is read only for those: the archive figure says so.
// Run: npm run bench:drift  (scratch databases, dropped at the end)
import { performance } from "node:perf_hooks";
import { demoDefinition } from "../tests/support/registry";
import { runBenchmark } from "./support/processes";
import { createScratchDatabases, startScaledPipeline } from "./support/scale";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1_000);
const urls = createScratchDatabases("drift");

async function main() {
  const { emulator, readySeconds, dispose } = await startScaledPipeline(GROUPS, urls);
  console.log(`emulator with ${GROUPS} extra MVs ready in ${readySeconds.toFixed(1)} s`);
  try {
    let clock = Date.now();
    for (let tick = 0; tick < 3; tick++) await emulator.tick((clock += 1_000));
    const { getPrisma } = await import("../lib/db");
    const prisma = getPrisma();
    // The article's group too: its training side comes from the emulator's snapshots.
    const scale = await prisma.featureGroup.findMany({ select: { id: true } });
    const { upsertDefinition } = await import("../lib/registry/groups");
    await upsertDefinition(await demoDefinition("user_features_1h"), "bench");
    await prisma.feature.createMany({
      data: scale.flatMap((group) =>
        [
          ["feature_a", "int64"],
          ["feature_b", "float64"],
          ["updated_at", "timestamp"],
        ].map(([name, dtype], position) => ({ groupId: group.id, name: name as string, dtype: dtype as string, position })),
      ),
    });
    const { runDriftCycle } = await import("../lib/drift/cycle");
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const cycle = await runDriftCycle(clock);
    const wallMs = performance.now() - started;
    clearInterval(sampler);
    const features = cycle.results.reduce((sum, result) => sum + result.features.length, 0);
    console.log(
      `drift cycle: ${cycle.groups} groups, ${features} features in ${(wallMs / 1000).toFixed(1)} s (${(wallMs / cycle.groups).toFixed(1)} ms a group); ` +
        `RisingWave statements ${cycle.risingwaveStatements} (${cycle.groups} groups + 3 catalog)`,
    );
    console.log(
      `archive: ${cycle.trainingRows} training rows read (${cycle.results.filter((result) => result.training).length} groups with a snapshot); ` +
        `sampled entities compared key by key: ${cycle.results.reduce((sum, result) => sum + result.parity.sampled, 0)}`,
    );
    console.log(
      `peak RSS ${(peakRss / 1_048_576).toFixed(0)} MB (${((peakRss - rssBefore) / 1_048_576).toFixed(0)} MB above the start of the cycle; the emulator shares the process)`,
    );
  } finally {
    await dispose();
  }
}

runBenchmark(main);
