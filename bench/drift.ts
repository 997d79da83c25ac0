// One drift cycle over N emulated groups, each with six features (feature_a and feature_c int64,
// feature_b float64, feature_d string, feature_e bool, updated_at timestamp as ages) and a training
// snapshot of its own (one Hive partition, written here from the MV as the daily job would): wall
// time, RisingWave statements, rows read from the archive, and the process's peak RSS (the emulator
// runs in the same process).
// Run: npm run bench:drift  (scratch databases, dropped at the end)
import { performance } from "node:perf_hooks";
import type { Emulator } from "../emulator/emulator";
import { encodeParquet } from "../emulator/parquet";
import { SCALE_GROUP_COLUMNS, scaleGroupName } from "../emulator/pipeline";
import type { Row } from "../emulator/sink-format";
import { partitionKey } from "../emulator/snapshots";
import { demoDefinition } from "../tests/support/registry";
import { runBenchmark } from "./support/processes";
import { createScratchDatabases, startScaledPipeline } from "./support/scale";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1_000);
const FEATURES = [
  ["feature_a", "int64"],
  ["feature_b", "float64"],
  ["feature_c", "int64"],
  ["feature_d", "string"],
  ["feature_e", "bool"],
  ["updated_at", "timestamp"],
];

/** Each scale group's snapshot: today's partition of its MV's rows, and the folder in its definition. */
async function writeScaleSnapshots(emulator: Emulator, groups: number): Promise<{ groups: number; rows: number }> {
  const { getPrisma } = await import("../lib/db");
  const day = new Date().toISOString().slice(0, 10);
  let rows = 0;
  for (let index = 1; index <= groups; index++) {
    const name = scaleGroupName(index);
    const { rows: mvRows } = await emulator.pool.query(
      `SELECT ${SCALE_GROUP_COLUMNS.map((column) => column.name).join(", ")} FROM public.${name}`,
    );
    await emulator.archive.put(partitionKey(`snapshots/${name}`, day), encodeParquet(SCALE_GROUP_COLUMNS, mvRows as Row[]));
    rows += mvRows.length;
  }
  await getPrisma().$executeRaw`UPDATE "FeatureGroup" SET "snapshotPath" = 'snapshots/' || name WHERE name LIKE 'feature_group_%'`;
  return { groups, rows };
}
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
        FEATURES.map(([name, dtype], position) => ({ groupId: group.id, name: name as string, dtype: dtype as string, position })),
      ),
    });
    const snapshots = await writeScaleSnapshots(emulator, GROUPS);
    console.log(`training snapshots: ${snapshots.groups} groups, ${snapshots.rows} rows written`);
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
