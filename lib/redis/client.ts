import "server-only";
import { Redis } from "ioredis";
import { env } from "../env";

const cache = globalThis as unknown as { redis?: Redis };

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
