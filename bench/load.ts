// Load over HTTP, as users meet it: a production server (`next start` of this build) on a scratch
// registry and emulator, each target hit by autocannon at BENCH_CONNECTIONS (50) for BENCH_SECONDS
// (60; BENCH_MAX_OLD_SPACE_MB caps the server's heap), next to a bare node:http server answering a small JSON on the same loopback (the baseline:
// what the client and the loopback cost). Prints latency percentiles, throughput, errors, the
// server's RSS before and after each target, and a second, shorter round to show memory settles.
// Loopback only; every process and scratch database is gone at the end.
import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { rssMb, startProcess, stopProcesses } from "./support/processes";
import { createScratchDatabases } from "./support/scale";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SETTLE_SECONDS = Math.max(1, Math.round(SECONDS / 3));
const TARGETS = [
  "/freshness",
  "/api/freshness",
  "/groups?q=purchase",
  "/api/lookup?group=user_features_1h&key=7",
  "/api/serving/user_features_1h/7",
];

const urls = createScratchDatabases("load");
async function hit(url: string, seconds: number) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 10 });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    statuses: Object.entries(result.statusCodeStats ?? {})
      .filter(([status]) => !status.startsWith("2"))
      .map(([status, { count }]) => `${status}×${count}`)
      .join(" "),
  };
}

const line = (label: string, figures: Awaited<ReturnType<typeof hit>>, extra = "") =>
  `${label.padEnd(44)} ${figures.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${figures.p50} ms  p90 ${figures.p90} ms  p99 ${figures.p99} ms  max ${figures.max} ms  errors ${figures.errors}${figures.statuses ? ` (${figures.statuses})` : ""}${extra}`;

async function main() {
  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "prisma/seed.ts"], { stdio: "ignore" });
  await startProcess("node_modules/.bin/tsx", ["emulator/main.ts", "--users", "2000"], /emulator running/);
  // The build in .next is measured as it is: after a change, `npm run build` first.
  if (!existsSync(".next/BUILD_ID")) {
    console.log("building the app (next build)…");
    execFileSync("npx", ["next", "build"], { stdio: "ignore" });
  }
  console.log(`measuring the build of ${statSync(".next/BUILD_ID").mtime.toISOString()}`);
  const port = 3300 + (process.pid % 500);
  const server = await startProcess("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], /Ready in/, {
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    // A capped heap shows whether memory is garbage V8 has not collected yet, or held.
    ...(process.env.BENCH_MAX_OLD_SPACE_MB ? { NODE_OPTIONS: `--max-old-space-size=${process.env.BENCH_MAX_OLD_SPACE_MB}` } : {}),
  });
  const base = `http://127.0.0.1:${port}`;

  const bare = createServer((_, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

  console.log(`load: ${CONNECTIONS} connections, ${SECONDS} s per target, loopback; server pid ${server.pid}`);
  // Warm: every route compiled and every backend connected before measuring.
  for (const target of TARGETS) await hit(`${base}${target}`, 2);
  const baseline = await hit(bareUrl, SECONDS);
  console.log(line("baseline: bare node:http, small JSON", baseline));
  let errors = baseline.errors;
  for (const target of TARGETS) {
    const before = rssMb(server.pid as number);
    const figures = await hit(`${base}${target}`, SECONDS);
    errors += figures.errors;
    const ratio = (figures.requestsPerSecond / baseline.requestsPerSecond).toFixed(3);
    console.log(line(target, figures, `  ${ratio}× baseline  RSS ${before.toFixed(0)} → ${rssMb(server.pid as number).toFixed(0)} MB`));
  }
  const afterFirst = rssMb(server.pid as number);
  for (const target of TARGETS) errors += (await hit(`${base}${target}`, SETTLE_SECONDS)).errors;
  const afterSecond = rssMb(server.pid as number);
  console.log(
    `RSS after the first round ${afterFirst.toFixed(0)} MB, after a second round (${SETTLE_SECONDS} s per target) ${afterSecond.toFixed(0)} MB: ` +
      `${(afterSecond - afterFirst).toFixed(0)} MB growth`,
  );
  console.log(`errors in all: ${errors}`);
  bare.close();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    stopProcesses();
    urls.drop();
    process.exit();
  });
