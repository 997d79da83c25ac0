// Online serving over HTTP, three servers in one run against the same Redis: the gateway (`npm run
// serve`), the Next route (`next start` of the build in .next, when there is one) and a bare
// node:http + ioredis server doing the same HGETALL (the baseline). Sequential requests interleaved,
// one keep-alive connection each (p50 / p99 / p99.9), then throughput at 32 connections for 10 s
// each, the gateway's RSS under load, a 20-group vector against one group, and the ratios last.
// Run: npm run bench:serving
import { existsSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { demoDefinition, registerDemoGroups } from "../tests/support/registry";
import { freePort } from "../tests/support/redis-server";
import { rssMb, runBenchmark, startProcess, stopProcesses } from "./support/processes";
import { createScratchDatabases, percentiles, startScaledPipeline } from "./support/scale";

const RUNS = Number(process.env.BENCH_RUNS ?? 3_000);
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const VECTOR_GROUPS = 20;
const urls = createScratchDatabases("serving");
const QUANTILES: [string, number][] = [
  ["p50", 0.5],
  ["p99", 0.99],
  ["p99.9", 0.999],
];
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))] as number;

/** One GET on a keep-alive agent; resolves with the body, rejects on a non-200. */
function fetchOnce(agent: Agent, url: string, body?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { agent, method: body ? "POST" : "GET", headers: body ? { "content-type": "application/json" } : {} },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          response.statusCode === 200 ? resolve(text) : reject(new Error(`${url}: ${response.statusCode} ${text}`)),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

async function main() {
  const { emulator, dispose } = await startScaledPipeline(0, urls);
  try {
    await emulator.tick(Date.now());
    await registerDemoGroups({ user_features_1h: undefined });
    // The article's serving layer on its group (a hash per user, 2-hour TTL), and 20 more like it for vectors.
    const { upsertDefinition } = await import("../lib/registry/groups");
    const article = await demoDefinition("user_features_1h");
    const cached = (name: string, prefix: string) =>
      upsertDefinition(
        { ...article, name, redis: { kind: "hash", key_template: `${prefix}:user:{user_id}`, ttl_seconds: 7_200 } },
        "bench",
      );
    await cached("user_features_cached", "features");
    const vectorGroups = Array.from({ length: VECTOR_GROUPS }, (_, index) => `user_features_v${index + 1}`);
    for (const [index, name] of vectorGroups.entries()) await cached(name, `features${index + 1}`);

    const env = { READ_ACCESS: "public", COLLECTOR_ENABLED: "false" };
    const gatewayPort = await freePort();
    // Exactly what `npm run serve` runs, heap settings included.
    const serveArgs = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { serve: string } }).scripts.serve
      .split(" ")
      .slice(1);
    const gateway = await startProcess(process.execPath, serveArgs, /serving gateway on/, {
      ...env,
      SERVING_PORT: String(gatewayPort),
    });
    const barePort = await freePort();
    await startProcess(process.execPath, ["bench/support/bare-serving.mjs"], /bare serving on/, { BARE_PORT: String(barePort) });
    const servers: { label: string; url: string }[] = [
      { label: "gateway GET /v1/features", url: `http://127.0.0.1:${gatewayPort}/v1/features/user_features_cached/7` },
      { label: "bare node:http + HGETALL", url: `http://127.0.0.1:${barePort}/features/7` },
    ];
    if (existsSync(".next/BUILD_ID")) {
      const nextPort = await freePort();
      await startProcess(
        process.execPath,
        ["node_modules/next/dist/bin/next", "start", "-p", String(nextPort), "-H", "127.0.0.1"],
        /Ready in/,
        env,
      );
      servers.splice(1, 0, {
        label: "next start GET /api/serving",
        url: `http://127.0.0.1:${nextPort}/api/serving/user_features_cached/7`,
      });
    } else console.log("next start: skipped (no build in .next; `npm run build` first to include it)");

    const agents = servers.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
    // Warm: group definitions loaded, the cache filled, connections open.
    for (const [index, server] of servers.entries()) for (let run = 0; run < 50; run++) await fetchOnce(agents[index] as Agent, server.url);
    const timings = servers.map(() => [] as number[]);
    for (let run = 0; run < RUNS; run++) {
      for (const [index, server] of servers.entries()) {
        const started = performance.now();
        await fetchOnce(agents[index] as Agent, server.url);
        timings[index]?.push(performance.now() - started);
      }
    }
    console.log(`sequential, one keep-alive connection each, interleaved, ${RUNS} runs:`);
    servers.forEach((server, index) => console.log(`  ${server.label.padEnd(30)} ${percentiles(timings[index] as number[], QUANTILES)}`));

    console.log(`throughput, ${CONNECTIONS} connections, ${LOAD_SECONDS} s each:`);
    const throughput: number[] = [];
    let gatewayRss = 0;
    for (const server of servers) {
      const sampler = server.label.startsWith("gateway")
        ? setInterval(() => (gatewayRss = Math.max(gatewayRss, rssMb(gateway.pid as number))), 250)
        : undefined;
      const result = await autocannon({ url: server.url, connections: CONNECTIONS, duration: LOAD_SECONDS });
      clearInterval(sampler);
      throughput.push(result.requests.average);
      console.log(
        `  ${server.label.padEnd(30)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${result.errors + result.non2xx + result.timeouts}`,
      );
    }
    console.log(`gateway RSS under load: ${gatewayRss.toFixed(0)} MB (goal ≤ 150 MB)`);

    const vectorAgent = new Agent({ keepAlive: true, maxSockets: 1 });
    const vectorUrl = `http://127.0.0.1:${gatewayPort}/v1/features`;
    const vectorBody = JSON.stringify({ groups: vectorGroups, entities: [{ user_id: 7 }] });
    const singleBody = JSON.stringify({ groups: ["user_features_cached"], entities: [{ user_id: 7 }] });
    for (let run = 0; run < 50; run++) await fetchOnce(vectorAgent, vectorUrl, vectorBody); // fills the 20 caches
    const vector: number[] = [];
    const single: number[] = [];
    for (let run = 0; run < Math.min(RUNS, 1_000); run++) {
      let started = performance.now();
      await fetchOnce(vectorAgent, vectorUrl, vectorBody);
      vector.push(performance.now() - started);
      started = performance.now();
      await fetchOnce(vectorAgent, vectorUrl, singleBody);
      single.push(performance.now() - started);
    }
    console.log(`POST /v1/features, one entity, ${VECTOR_GROUPS} groups: ${percentiles(vector, QUANTILES)}`);
    console.log(`POST /v1/features, one entity, 1 group:   ${percentiles(single, QUANTILES)}`);

    const bare = servers.length - 1;
    const ratio = (index: number, q: number) =>
      (quantile(timings[index] as number[], q) / quantile(timings[bare] as number[], q)).toFixed(2);
    console.log("ratios to the bare server (goals: gateway p50 ≤ 1.3×, p99 ≤ 1.5×, throughput ≥ 0.8×):");
    servers
      .slice(0, bare)
      .forEach((server, index) =>
        console.log(
          `  ${server.label.padEnd(30)} p50 ${ratio(index, 0.5)}×  p99 ${ratio(index, 0.99)}×  throughput ${((throughput[index] as number) / (throughput[bare] as number)).toFixed(2)}×`,
        ),
      );
    console.log(`  20-group vector / 1-group vector at p50: ${(quantile(vector, 0.5) / quantile(single, 0.5)).toFixed(2)}× (goal ≤ 2×)`);
  } finally {
    stopProcesses();
    await dispose();
  }
}

runBenchmark(main);
