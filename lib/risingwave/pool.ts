import "server-only";
import { Pool } from "pg";
import { env } from "../env";
import { pgConfigFromUrl } from "../pg-config";

const cache = globalThis as unknown as { rwPool?: Pool };

/**
 * The pool every RisingWave query goes through. RisingWave ignores node-postgres's
 * `statement_timeout` startup key, so the server-side limit travels in `options`.
 */
export function getRisingWavePool(): Pool {
  if (!cache.rwPool) {
    const pool = new Pool({
      ...pgConfigFromUrl(env.RISINGWAVE_URL),
      max: 4,
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 30_000,
      query_timeout: env.RISINGWAVE_QUERY_TIMEOUT_MS,
      options: `-c statement_timeout=${env.RISINGWAVE_QUERY_TIMEOUT_MS}`,
      application_name: "tideline",
    });
    // An idle client losing its connection must not crash the server.
    pool.on("error", (error) => console.error("[risingwave] idle client error:", error.message));
    cache.rwPool = pool;
  }
  return cache.rwPool;
}
