import "server-only";
import { getArchive } from "../archive/store";
import { getPrisma } from "../db";
import { getRedis } from "../redis/client";
import { pingRisingWave } from "../risingwave/ping";
import type { BackendName, BackendProbe } from "./health";

/** Probes bound to the app's real clients; each is one cheap round trip. */
export function backendProbes(): Record<BackendName, BackendProbe> {
  return {
    postgres: () => getPrisma().$queryRaw`SELECT 1`,
    risingwave: pingRisingWave,
    // lazyConnect: the first command opens the connection.
    redis: () => getRedis().ping(),
    archive: () => getArchive().probe(),
  };
}
