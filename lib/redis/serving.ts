import "server-only";
import { ReplyError } from "ioredis";
import { runBatch } from "./batch";
import { withRedis } from "./client";

export type ServingRead = { key: string; type: "hash" | "string" };

/** The values of many serving keys in one pipeline: HGETALL for hashes, GET for strings; null when absent. */
export async function readServingValues(reads: ServingRead[]): Promise<(string | Record<string, string> | null)[]> {
  if (reads.length === 0) return [];
  const replies = await withRedis((redis) =>
    runBatch(redis, (batch) => {
      for (const read of reads) {
        if (read.type === "hash") batch.hgetall(read.key);
        else batch.get(read.key);
      }
    }),
  );
  return replies.map(([error, value]) => (error ? null : present(value)));
}

function present(value: unknown): string | Record<string, string> | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && Object.keys(value).length === 0) return null; // HGETALL of a missing key
  return value as string | Record<string, string>;
}

/** One serving key: the per-request path, a single command (auto-pipelined with other requests'). */
export async function readServingValue(read: ServingRead): Promise<string | Record<string, string> | null> {
  const value = await withRedis((redis) =>
    (read.type === "hash" ? (redis.hgetall(read.key) as Promise<unknown>) : redis.get(read.key)).catch((error: unknown) => {
      if (error instanceof ReplyError) return null; // the key holds another type: Redis answered, nothing to serve
      throw error;
    }),
  );
  return present(value);
}

/**
 * Writes the hash and its TTL only where the key is free or already a hash, atomically: a key of
 * another type (a sink's string, another system's data) is left alone, never overwritten or
 * expired. ARGV: ttl seconds (0: none), then field, value pairs. Returns 1 when written.
 */
const FILL_HASH = `
local kind = redis.call('TYPE', KEYS[1]).ok
if kind ~= 'none' and kind ~= 'hash' then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
if tonumber(ARGV[1]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return 1`;

/** Cache-aside fill: every hash with its TTL, in one pipeline; returns how many keys were written. */
export async function writeServingHashes(entries: { key: string; fields: Record<string, string>; ttlSeconds?: number }[]): Promise<number> {
  if (entries.length === 0) return 0;
  const replies = await withRedis((redis) =>
    runBatch(redis, (batch) => {
      for (const entry of entries) {
        const fields = Object.entries(entry.fields).flat();
        if (fields.length === 0) continue;
        batch.eval(FILL_HASH, 1, entry.key, String(entry.ttlSeconds ?? 0), ...fields);
      }
    }),
  );
  return replies.filter(([error, written]) => !error && written === 1).length;
}
