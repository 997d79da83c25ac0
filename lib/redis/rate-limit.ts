import "server-only";
import { withRedis } from "./client";

// Counters live in Redis so a limit holds across app replicas; the key names are Tideline's own.
const PREFIX = "tideline:limit:";

/** How many times `id` has hit `bucket` in the current window (fixed windows of `windowSeconds`). */
export async function countHits(bucket: string, id: string): Promise<number> {
  return Number((await withRedis((redis) => redis.get(`${PREFIX}${bucket}:${id}`))) ?? 0);
}

/** Counts one hit of `id` in `bucket`; returns the count in the window. */
export async function recordHit(bucket: string, id: string, windowSeconds: number): Promise<number> {
  const key = `${PREFIX}${bucket}:${id}`;
  const [[, count] = [null, 0]] = ((await withRedis((redis) => redis.multi().incr(key).expire(key, windowSeconds, "NX").exec())) ?? []) as [
    Error | null,
    number,
  ][];
  return Number(count);
}

/** A 429 when `id` has used up `limit` hits of `bucket` in its window; otherwise the hit is counted. Redis down: allowed. */
export async function takeHit(bucket: string, id: string, limit: number, windowSeconds: number): Promise<boolean> {
  try {
    return (await recordHit(bucket, id, windowSeconds)) <= limit;
  } catch {
    return true; // the registry keeps working without Redis; the limit comes back with it
  }
}

export async function clearHits(bucket: string, id: string): Promise<void> {
  await withRedis((redis) => redis.del(`${PREFIX}${bucket}:${id}`)).catch(() => undefined);
}

/** The client's address as the proxy in front reports it (X-Forwarded-For's first hop), else "direct". */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : ([headers[name]].flat()[0] ?? null));
  return get("x-forwarded-for")?.split(",")[0]?.trim() || get("x-real-ip") || "direct";
}
