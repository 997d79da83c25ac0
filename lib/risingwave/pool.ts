import "server-only";
import { appendFileSync } from "node:fs";
import { Pool, types, type QueryResultRow } from "pg";
import { AppError } from "../errors";
import { BackendGate, isPoolBusy } from "../health/backend-gate";
import { env } from "../env";
import { pgConfigFromUrl } from "../pg-config";

const cache = globalThis as unknown as { rwPool?: Pool; rwLogged?: Set<string>; rwGate?: BackendGate };

/**
 * A `timestamp` (no time zone) is a UTC wall clock in RisingWave (the session time zone defaults to
 * UTC); pg would read it in the server process's zone. A `date` stays `YYYY-MM-DD` text.
 */
const RISINGWAVE_TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === types.builtins.TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === types.builtins.DATE) return (text: string) => text;
    return types.getTypeParser(oid, format ?? "text");
  }) as typeof types.getTypeParser,
};

/** RISINGWAVE_STATEMENT_LOG: each distinct statement once, so the SQL this build sends can be audited. */
function logStatement(sql: string) {
  const file = env.RISINGWAVE_STATEMENT_LOG;
  if (!file) return;
  cache.rwLogged ??= new Set();
  if (cache.rwLogged.has(sql)) return;
  cache.rwLogged.add(sql);
  appendFileSync(file, `${JSON.stringify(sql)}\n`);
}

/**
 * The pool every RisingWave query goes through. RisingWave ignores node-postgres's
 * `statement_timeout` startup key, so the server-side limit travels in `options`.
 */
export function getRisingWavePool(): Pool {
  if (!cache.rwPool) {
    const pool = new Pool({
      ...pgConfigFromUrl(env.RISINGWAVE_URL),
      max: 10,
      connectionTimeoutMillis: 2_000,
      idleTimeoutMillis: 30_000,
      query_timeout: env.RISINGWAVE_QUERY_TIMEOUT_MS,
      options: `-c statement_timeout=${env.RISINGWAVE_QUERY_TIMEOUT_MS}`,
      application_name: "tideline",
      types: RISINGWAVE_TYPES,
    });
    // An idle client losing its connection must not crash the server.
    pool.on("error", (error) => console.error("[risingwave] idle client error:", error.message));
    cache.rwPool = pool;
  }
  return cache.rwPool;
}

/** Once RisingWave is found unreachable, requests fail at once until a background probe gets an answer. */
export function risingWaveGate(): BackendGate {
  cache.rwGate ??= new BackendGate("risingwave", () => getRisingWavePool().query("SELECT 1"), {
    probeEveryMs: 2_000,
    probeTimeoutMs: 2_500,
  });
  return cache.rwGate;
}

/**
 * Every RisingWave statement goes through here: an unreachable cluster or a timeout becomes a 503
 * the UI can show ("RisingWave is unreachable"), not a generic 500. A connection failure closes the
 * gate, so the next requests answer in a millisecond instead of each waiting for the connect timeout.
 */
export async function queryRisingWave<Row extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<Row[]> {
  logStatement(sql);
  return risingWaveGate().guard(
    async () => (await getRisingWavePool().query<Row>(sql, params)).rows,
    (error) => {
      if (error instanceof Error && isPoolBusy(error))
        throw new AppError(503, "RisingWave is busy: every connection of this server is in use; retry");
      const code = (error as { code?: string }).code;
      const message = error instanceof Error ? error.message : String(error);
      // SQLSTATE classes 08 (connection) and 57 (operator intervention, e.g. statement timeout), or no code at all.
      if (code && !code.startsWith("08") && !code.startsWith("57") && !/timeout|ECONNREFUSED|ENOTFOUND|terminated/i.test(message))
        return "error";
      console.error("[risingwave] unreachable:", message);
      // A slow statement (57014) is not an outage; a connection that fails or hangs is.
      return code === "57014" ? "slow" : "down";
    },
  );
}
