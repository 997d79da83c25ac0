// `npm run collector`: the freshness collector as a process of its own, for deployments that keep it
// apart from the web replicas. Any number may run: one holds the lease and collects, the others wait.
import { loadEnvDefaults } from "../lib/env-file";

async function main() {
  loadEnvDefaults(); // before lib/env reads the environment
  const { startCollector } = await import("../lib/observability/collector");
  startCollector();
  // The collector's timers are unref'd (they must not keep a web server alive): this process waits for a signal.
  setInterval(() => undefined, 1 << 30);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
}

void main();
