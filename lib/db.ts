import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool, type PoolClient } from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";
import { publicBackendError } from "./errors";
import { BackendGate, isConnectionFailure } from "./health/backend-gate";
import { pgConfigFromUrl } from "./pg-config";

const cache = globalThis as unknown as {
  prisma?: PrismaClient;
  registryGate?: BackendGate;
  registryPool?: Pool;
  ungatedConnect?: () => Promise<PoolClient>;
};

async function probeRegistry(): Promise<void> {
  registryPool();
  const client = await (cache.ungatedConnect as () => Promise<PoolClient>)();
  try {
    await client.query("SELECT 1");
  } finally {
    client.release();
  }
}

/** Once the registry's PostgreSQL is found unreachable, requests fail at once until a probe gets an answer. */
export function registryGate(): BackendGate {
  // The probe takes its connection past the gate: through it, it would only meet the gate's own refusal.
  cache.registryGate ??= new BackendGate("registry", () => probeRegistry(), {
    probeEveryMs: 2_000,
    probeTimeoutMs: 2_500,
  });
  return cache.registryGate;
}

/**
 * The pool under Prisma. Every query and transaction takes a connection through `connect`, so the
 * gate is checked there: while the registry is known down no request waits for a connect timeout.
 */
function registryPool(): Pool {
  if (cache.registryPool) return cache.registryPool;
  const pool = new Pool({
    ...pgConfigFromUrl(env.DATABASE_URL),
    max: 8,
    connectionTimeoutMillis: 2_000,
    application_name: "tideline-registry",
    // Idle connections must not keep a command-line program (seed, CLI, benchmark) alive after its work.
    allowExitOnIdle: true,
  });
  pool.on("error", (error) => console.error("[registry] idle client error:", error.message));
  const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
  cache.ungatedConnect = connect;
  // Not BackendGate.guard: the first failure stays the driver's error, which Prisma reports and
  // lib/errors.ts (registryOutage) maps to a 503; only later calls meet the gate's own 503.
  const gated = async (): Promise<PoolClient> => {
    registryGate().check();
    try {
      return await connect();
    } catch (error) {
      if (error instanceof Error && isConnectionFailure(error)) registryGate().markDown(publicBackendError(error));
      throw error;
    }
  };
  // pg's own query() calls connect(callback): both forms go through the gate.
  pool.connect = ((callback?: (error: Error | undefined, client?: PoolClient, done?: () => void) => void) => {
    if (!callback) return gated();
    gated().then(
      (client) => callback(undefined, client, () => client.release()),
      (error: Error) => callback(error),
    );
  }) as typeof pool.connect;
  cache.registryPool = pool;
  return pool;
}

/** The registry's Prisma client, created on first use and kept across dev reloads. */
export function getPrisma(): PrismaClient {
  cache.prisma ??= new PrismaClient({ adapter: new PrismaPg(registryPool()) });
  return cache.prisma;
}
