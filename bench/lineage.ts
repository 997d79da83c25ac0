// /api/lineage with 1,000 emulated groups: server time, RisingWave statements per request, payload
// size, and the browser-side work (focus, layout) timed in Node. Run: npm run bench:lineage
import { performance } from "node:perf_hooks";
import { recordStatements } from "../tests/support/statements";
import { percentiles, startScaledPipeline, createScratchDatabases } from "./support/scale";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const urls = createScratchDatabases("lineage");

async function main() {
  const { emulator, readySeconds, dispose } = await startScaledPipeline(GROUPS, urls);
  console.log(`emulator with ${GROUPS} extra MVs ready in ${readySeconds.toFixed(1)} s`);
  const route = await import("../app/api/lineage/route");
  const { getRisingWavePool } = await import("../lib/risingwave/pool");
  const { layoutLineage } = await import("../lib/lineage/layout");
  const { focusSubgraph, impactOf } = await import("../lib/lineage/traverse");
  try {
    await emulator.tick(Date.now());
    const recorder = recordStatements(getRisingWavePool());
    const timings: number[] = [];
    let body = "";
    for (let run = 0; run < RUNS; run++) {
      recorder.clear();
      const started = performance.now();
      body = await (await route.GET(new Request("http://bench/api/lineage"))).text();
      timings.push(performance.now() - started);
    }
    const graph = JSON.parse(body);
    console.log(
      `GET /api/lineage (${graph.nodes.length} nodes, ${graph.edges.length} edges, ${(body.length / 1024).toFixed(0)} KiB): ${percentiles(timings)}  RisingWave statements per request: ${recorder.statements.length}`,
    );
    const time = (run: () => unknown) => {
      const samples: number[] = [];
      for (let index = 0; index < 10; index++) {
        const started = performance.now();
        run();
        samples.push(performance.now() - started);
      }
      return percentiles(samples, [
        ["p50", 0.5],
        ["max", 1],
      ]);
    };
    console.log(`layout of the whole graph: ${time(() => layoutLineage(graph))}`);
    console.log(`impact of user_events (every group): ${time(() => impactOf(graph, "user_events"))}`);
    console.log(`focus on one group: ${time(() => focusSubgraph(graph, "feature_group_0500"))}`);
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
