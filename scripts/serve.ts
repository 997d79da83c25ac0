// `npm run serve`: the online serving gateway (lib/serving/gateway.ts) on SERVING_PORT, apart from
// the web app: GET /v1/features/{group}/{key}, POST /v1/features, GET /healthz, GET /metrics.
import { loadEnvDefaults } from "../lib/env-file";

async function main() {
  loadEnvDefaults(); // before lib/env reads the environment
  const { env } = await import("../lib/env");
  const { createGateway } = await import("../lib/serving/gateway");
  const gateway = createGateway();
  await gateway.ready;
  gateway.server.listen(env.SERVING_PORT, env.SERVING_HOST, () =>
    console.log(`serving gateway on http://${env.SERVING_HOST}:${env.SERVING_PORT}`),
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      void gateway.close().finally(() => process.exit(0));
    });
}

void main();
