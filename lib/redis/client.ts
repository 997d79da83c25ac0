import "server-only";
import { Redis, ReplyError } from "ioredis";
import { env } from "../env";
import { AppError, publicBackendError, unreachable } from "../errors";
import { BackendGate } from "../health/backend-gate";

const cache = globalThis as unknown as { redis?: Redis; redisGate?: BackendGate };

/**
 * The online-store client. A command is retried once at most so a dead Redis fails fast;
 * reconnection keeps going in the background with a capped back-off so Redis coming back is noticed.
 */
export function getRedis(): Redis {
  if (!cache.redis) {
    const redis = new Redis(env.REDIS_URL, {
      lazyConnect: true,
      connectTimeout: 2_000,
      commandTimeout: 2_000,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
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

/** Redis answered with an error (wrong type, script error): Redis is up. Anything else means it did not answer. */
const isOutage = (error: unknown) => error instanceof Error && !(error instanceof ReplyError);

/**
 * Every Redis call goes through here. A call that gets no answer (refused, closed, timed out) closes
 * the gate and becomes a 503 naming Redis, so later calls answer in a millisecond instead of each
 * waiting out the command timeout.
 */
export async function withRedis<T>(call: (redis: Redis) => Promise<T>): Promise<T> {
  redisGate().check();
  try {
    return await call(getRedis());
  } catch (error) {
    if (!isOutage(error) || error instanceof AppError) throw error;
    redisGate().markDown(publicBackendError(error));
    throw unreachable("redis", `: ${publicBackendError(error)}`);
  }
}

/**
 * A pipeline's replies; a pipeline that lost its connection reports it per command rather than
 * rejecting, so an outage error in any reply is thrown (and seen by `withRedis`).
 */
export async function execPipeline(pipeline: ReturnType<Redis["pipeline"]>): Promise<[Error | null, unknown][]> {
  const replies = (await pipeline.exec()) ?? [];
  const outage = replies.find(([error]) => isOutage(error));
  if (outage) throw outage[0];
  return replies;
}
