// /api/freshness with 1,000 emulated groups: server time of one board build and RisingWave queries
// per refresh. Run: npm run bench:freshness  (scratch databases, dropped at the end)
import { performance } from "node:perf_hooks";
import { percentiles, startScaledPipeline, createScratchDatabases } from "./support/scale";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const urls = createScratchDatabases("fresh");

async function main() {
  const { emulator, readySeconds, dispose } = await startScaledPipeline(GROUPS, urls);
  console.log(`emulator with ${GROUPS} extra MVs ready in ${readySeconds.toFixed(1)} s`);
  const { buildFreshnessBoard } = await import("../lib/observability/board");
  const { runCollectorCycle } = await import("../lib/observability/collector");
  try {
    let clock = Date.now();
    await emulator.tick((clock += 1_000));
    const timings: number[] = [];
    let queries = 0;
    let last: Awaited<ReturnType<typeof buildFreshnessBoard>> | null = null;
    for (let run = 0; run < RUNS; run++) {
      await emulator.tick((clock += 1_000));
      const started = performance.now();
      // 11 s apart on the board's clock: every MV's event time is due again, each build measures a full batch.
      last = await buildFreshnessBoard(clock + run * 11_000);
      timings.push(performance.now() - started);
      queries = Math.max(queries, last.risingwave.queries);
      if (last.groups.length !== GROUPS) throw new Error(`expected ${GROUPS} groups, got ${last.groups.length}`);
    }
    console.log(
      `buildFreshnessBoard (${GROUPS} groups, event time measured): ${percentiles(timings)}  RisingWave statements per build: at most ${queries}`,
    );
    const coverage = last?.risingwave.eventTime;
    if (coverage && last)
      console.log(
        `event time: ${coverage.measuredNow} MVs measured per build (EVENT_TIME_BATCH); after ${RUNS} builds ${coverage.known} of ${GROUPS} known, ` +
          `the oldest measurement ${coverage.oldestMeasurementAt ? ((Date.parse(last.generatedAt) - Date.parse(coverage.oldestMeasurementAt)) / 1000).toFixed(0) : "–"} s old`,
      );
    // 50 dashboards asking at once (what /api/freshness and the pages call): builds shared.
    const { sharedFreshnessBoard } = await import("../lib/observability/board");
    const viewersStarted = performance.now();
    const viewers = await Promise.all(Array.from({ length: 50 }, () => sharedFreshnessBoard(clock + RUNS * 11_000 + 60_000)));
    console.log(
      `50 concurrent viewers: ${new Set(viewers).size} board build(s), all answered in ${(performance.now() - viewersStarted).toFixed(0)} ms`,
    );
    const cycle = await runCollectorCycle(new Date(clock + 30_000), { webhookUrl: undefined });
    console.log(`collector cycle: ${cycle.durationMs} ms, ${cycle.risingwaveQueries} RisingWave statements for ${cycle.groups} groups`);
  } finally {
    await dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
