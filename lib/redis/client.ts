import "server-only";
import { Cluster, Redis, type RedisOptions } from "ioredis";
import { env } from "../env";
import { AppError } from "../errors";
import { BackendGate } from "../health/backend-gate";
import { isOutage, type RedisClient } from "./batch";
import { parseRedisTarget } from "./url";

const cache = globalThis as unknown as { redis?: RedisClient; redisGate?: BackendGate };

// A command is retried once at most so a dead Redis fails fast.
const COMMAND_OPTIONS: RedisOptions = { connectTimeout: 2_000, commandTimeout: 2_000, maxRetriesPerRequest: 1 };
// Reconnection keeps going in the background with a capped back-off, so Redis coming back is noticed.
const backOff = (attempt: number) => Math.min(attempt * 250, 2_000);

/** The online-store client, created on first use (lazily connected). */
export function getRedis(): RedisClient {
  if (!cache.redis) {
    const target = parseRedisTarget(env.REDIS_URL);
    const redis =
      target.kind === "server"
        ? // Commands of one tick share a round trip: many concurrent lookups cost few writes.
          new Redis(target.url, { ...COMMAND_OPTIONS, lazyConnect: true, retryStrategy: backOff, enableAutoPipelining: true })
        : new Cluster(target.nodes, {
            lazyConnect: true,
            clusterRetryStrategy: backOff,
            // Commands of one tick are pipelined per node: a cluster pipeline cannot span slots.
            enableAutoPipelining: true,
            redisOptions: {
              ...COMMAND_OPTIONS,
              ...(target.username ? { username: target.username } : {}),
              ...(target.password ? { password: target.password } : {}),
              ...(target.tls ? { tls: {} } : {}),
            },
          });
    redis.on("error", () => {
      // Reported through failed commands and /api/health; without a listener ioredis logs every retry.
    });
    cache.redis = redis;
  }
  return cache.redis;
}

/** Once Redis is found unreachable, calls fail at once until a background PING gets an answer. */
export function redisGate(): BackendGate {
  cache.redisGate ??= new BackendGate("redis", () => getRedis().ping(), { probeEveryMs: 2_000, probeTimeoutMs: 2_000 });
  return cache.redisGate;
}

/**
 * Every Redis call goes through here. A call that gets no answer (refused, closed, timed out) closes
 * the gate and becomes a 503 naming Redis, so later calls answer in a millisecond instead of each
 * waiting out the command timeout.
 */
export async function withRedis<T>(call: (redis: RedisClient) => Promise<T>): Promise<T> {
  return redisGate().guard(
    () => call(getRedis()),
    (error) => (isOutage(error) && !(error instanceof AppError) ? "down" : "error"),
  );
}
