// GET /api/serving/{group}/{key} (route handler, in process) next to a raw ioredis HGETALL of the
// same key, in the same run against the same Redis. Run: npm run bench:serving
import { performance } from "node:perf_hooks";
import { demoDefinition, registerDemoGroups } from "../tests/support/registry";
import { percentiles, createScratchDatabases, startScaledPipeline } from "./support/scale";

const RUNS = Number(process.env.BENCH_RUNS ?? 3_000);
const urls = createScratchDatabases("serving");
const P50_P99: [string, number][] = [
  ["p50", 0.5],
  ["p99", 0.99],
  ["max", 1],
];

async function main() {
  const { emulator, dispose } = await startScaledPipeline(0, urls);
  const { Redis } = await import("ioredis");
  const raw = new Redis(process.env.REDIS_URL as string);
  try {
    await emulator.tick(Date.now());
    await registerDemoGroups({ user_features_1h: undefined });
    // The article's serving layer on top of its group: a hash per user with a 2-hour TTL.
    const { upsertDefinition } = await import("../lib/registry/groups");
    await upsertDefinition(
      {
        ...(await demoDefinition("user_features_1h")),
        name: "user_features_cached",
        redis: { kind: "hash", key_template: "features:user:{user_id}", ttl_seconds: 7_200 },
      },
      "bench",
    );
    const route = await import("../app/api/serving/[group]/[key]/route");
    const serve = () => route.GET(new Request("http://bench"), { params: Promise.resolve({ group: "user_features_cached", key: "7" }) });
    const first = await (await serve()).json(); // warms the group cache and fills features:user:7
    if (!first.features) throw new Error(`serving failed: ${JSON.stringify(first)}`);
    const endpoint: number[] = [];
    const direct: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Interleaved, so both see the same Redis load and the same machine noise.
      let started = performance.now();
      const response = await serve();
      await response.json();
      endpoint.push(performance.now() - started);
      started = performance.now();
      await raw.hgetall("features:user:7");
      direct.push(performance.now() - started);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)] as number;
    console.log(
      `GET /api/serving/user_features_cached/7 (${RUNS} runs, source ${first.source} then redis): ${percentiles(endpoint, P50_P99)}`,
    );
    console.log(`raw ioredis HGETALL features:user:7:               ${percentiles(direct, P50_P99)}`);
    console.log(
      `ratio endpoint/raw: p50 ${(median(endpoint) / median(direct)).toFixed(1)}x  p99 ${(p99(endpoint) / p99(direct)).toFixed(1)}x`,
    );
  } finally {
    raw.disconnect();
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
