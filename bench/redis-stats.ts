// Redis key stats on 1,000,000 keys (a throwaway redis-server): time and accuracy of the walk, and
// Redis latency seen by a concurrent client while it runs. Run: npm run bench:redis
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { collectRedisStats } from "../lib/observability/redis-stats";
import type { GroupKeySources } from "../lib/entity-keys/shapes";
import { DEFAULT_SCAN } from "../lib/redis/keyspace";
import { startRedis } from "../tests/support/redis-server";
import { percentiles } from "./support/scale";

/** BENCH_KEYS scales the keyspace (1,000,000 by default; the smoke run in `npm test` uses a few thousand). */
const TOTAL = Number(process.env.BENCH_KEYS ?? 1_000_000);
const TRUTH = { cache: Math.round(TOTAL * 0.3), template: Math.round(TOTAL * 0.1), noise: Math.round(TOTAL * 0.6) };
const sources: GroupKeySources[] = [
  { group: "user_features_1h", keyColumns: ["user_id"], sinks: [], cacheTemplate: "features:user:{user_id}" },
  {
    group: "order_value_features",
    keyColumns: ["customer_id"],
    sinks: [{ keyFormat: "order_features:{customer_id}" }],
    cacheTemplate: null,
  },
];

/**
 * PING every millisecond from a separate process (its own event loop, so the walk's client-side
 * work does not count): the latency a serving client sees while the walk runs.
 */
function latencyProbe(url: string) {
  const script = `
    const { Redis } = require("ioredis");
    const client = new Redis(process.argv[1]);
    const samples = [];
    let running = true;
    process.on("SIGTERM", () => { running = false; });
    (async () => {
      while (running) {
        const started = performance.now();
        await client.ping();
        samples.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      client.disconnect();
      process.stdout.write(JSON.stringify(samples));
    })();`;
  const child = spawn(process.execPath, ["-e", script, url], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    stop: () =>
      new Promise<number[]>((resolve) => {
        child.once("exit", () => resolve(JSON.parse(output || "[]") as number[]));
        child.kill("SIGTERM");
      }),
  };
}

/** Redis's own clock: commands slower than 1 ms (SLOWLOG at a 1 ms threshold) and SCAN's mean time per call. */
async function redisSideCost(redis: Redis) {
  const slow = (await redis.call("SLOWLOG", "GET", "128")) as [number, number, number, string[]][];
  const scanStats = /cmdstat_scan:calls=(\d+),usec=(\d+),usec_per_call=([\d.]+)/.exec(await redis.info("commandstats"));
  return {
    over1ms: slow.map((entry) => `${entry[3]?.[0]} ${(entry[2] / 1000).toFixed(2)} ms`),
    scanUsecPerCall: scanStats ? Number(scanStats[3]) : null,
  };
}

async function main() {
  const server = await startRedis(["--enable-debug-command", "local"]);
  const redis = new Redis(server.url);
  try {
    await redis.call("DEBUG", "POPULATE", String(TRUTH.cache), "features:user");
    await redis.call("DEBUG", "POPULATE", String(TRUTH.template), "order_features");
    await redis.call("DEBUG", "POPULATE", String(TRUTH.noise), "noise");
    console.log(`keyspace: ${await redis.dbsize()} keys`);
    const idle = latencyProbe(server.url);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    console.log(
      `PING latency from another process, idle: ${percentiles(await idle.stop(), [
        ["p50", 0.5],
        ["p99", 0.99],
        ["max", 1],
      ])}`,
    );
    await redis.config("SET", "slowlog-log-slower-than", "1000");
    for (const budgetMs of [2_000, 500]) {
      await redis.call("SLOWLOG", "RESET");
      await redis.call("CONFIG", "RESETSTAT");
      const probe = latencyProbe(server.url);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the probe is connected
      const started = performance.now();
      const stats = await collectRedisStats(redis, sources, new Map(), {
        budgetMs,
        count: Number(process.env.SCAN_COUNT ?? DEFAULT_SCAN.count),
        sampleSize: DEFAULT_SCAN.sampleSize,
      });
      const elapsed = performance.now() - started;
      const probeSamples = await probe.stop();
      const cost = await redisSideCost(redis);
      const patterns = stats.groups.flatMap((group) => group.patterns);
      const report = patterns.map((pattern) => {
        const truth = pattern.glob.startsWith("features") ? TRUTH.cache : TRUTH.template;
        return `${pattern.glob} ${pattern.keys.count}${pattern.keys.exact ? " (exact)" : ` ±${pattern.keys.margin}`} vs ${truth} (error ${((100 * Math.abs(pattern.keys.count - truth)) / truth).toFixed(2)}%)`;
      });
      console.log(
        `budget ${budgetMs} ms: walk + samples + INFO ${elapsed.toFixed(0)} ms; ${stats.scan.calls} SCAN calls, ${stats.scan.examined} keys examined, complete ${stats.scan.complete}, slowest SCAN round trip ${stats.scan.slowestCallMs} ms`,
      );
      console.log(`  ${report.join("\n  ")}`);
      console.log(
        `  PING latency from another process during the walk: ${percentiles(probeSamples, [
          ["p50", 0.5],
          ["p99", 0.99],
          ["max", 1],
        ])}`,
      );
      console.log(
        `  Redis time per SCAN call: ${cost.scanUsecPerCall} µs; commands over 1 ms in SLOWLOG: ${cost.over1ms.length === 0 ? "none" : cost.over1ms.join(", ")}`,
      );
    }
  } finally {
    redis.disconnect();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
