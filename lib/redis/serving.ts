import "server-only";
import { getRedis } from "./client";

export type ServingRead = { key: string; type: "hash" | "string" };

/** The values of many serving keys in one pipeline: HGETALL for hashes, GET for strings; null when absent. */
export async function readServingValues(reads: ServingRead[]): Promise<(string | Record<string, string> | null)[]> {
  if (reads.length === 0) return [];
  const pipeline = getRedis().pipeline();
  for (const read of reads) {
    if (read.type === "hash") pipeline.hgetall(read.key);
    else pipeline.get(read.key);
  }
  const replies = (await pipeline.exec()) ?? [];
  return replies.map(([error, value]) => {
    if (error || value === null || value === undefined) return null;
    if (typeof value === "object" && Object.keys(value).length === 0) return null; // HGETALL of a missing key
    return value as string | Record<string, string>;
  });
}

/** Cache-aside fill: every hash with its TTL, in one MULTI. */
export async function writeServingHashes(entries: { key: string; fields: Record<string, string>; ttlSeconds?: number }[]): Promise<void> {
  if (entries.length === 0) return;
  const multi = getRedis().multi();
  for (const entry of entries) {
    multi.hset(entry.key, entry.fields);
    if (entry.ttlSeconds) multi.expire(entry.key, entry.ttlSeconds);
  }
  await multi.exec();
}
