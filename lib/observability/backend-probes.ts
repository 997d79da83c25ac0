import "server-only";
import { getArchive } from "../archive/store";
import { withRedis } from "../redis/client";
import { pingRegistry } from "../registry/ping";
import { pingRisingWave } from "../risingwave/ping";
import type { BackendName, BackendProbe } from "./health";

/** Probes bound to the app's real clients; each is one cheap round trip. */
export function backendProbes(): Record<BackendName, BackendProbe> {
  return {
    postgres: pingRegistry,
    risingwave: pingRisingWave,
    // lazyConnect: the first command opens the connection. Known down: answered by the gate at once.
    redis: () => withRedis((redis) => redis.ping()),
    archive: () => getArchive().probe(),
  };
}
