import "server-only";
import type { RedisKeyRole } from "../entity-keys/resolve";
import { runBatch } from "./batch";
import { withRedis } from "./client";

export type RedisKeyRequest = { key: string; role: RedisKeyRole; source: string };
export type RedisKeyState = RedisKeyRequest & {
  /** Redis's TYPE: "string", "hash", … or "none" when the key does not exist. */
  type: string;
  /** Seconds left; null without a TTL or when the key is missing. */
  ttlSeconds: number | null;
  /** The raw value: a string (sinks) or the hash's fields (cache); null when missing or of another type. */
  raw: string | Record<string, string> | null;
};

const EXPECTED_TYPE: Record<RedisKeyRole, string> = { "json-sink": "string", "template-sink": "string", cache: "hash" };

/**
 * TYPE, PTTL and the value of every key in one pipeline (one round trip). The value is read with the
 * command the key's role implies; a key of another type is reported, not read.
 */
export async function readRedisKeys(requests: RedisKeyRequest[]): Promise<RedisKeyState[]> {
  if (requests.length === 0) return [];
  const replies = await withRedis((redis) =>
    runBatch(redis, (batch) => {
      for (const request of requests) {
        batch.type(request.key);
        batch.pttl(request.key);
        if (EXPECTED_TYPE[request.role] === "hash") batch.hgetall(request.key);
        else batch.get(request.key);
      }
    }),
  );
  return requests.map((request, index) => {
    const [typeReply, ttlReply, valueReply] = replies.slice(index * 3, index * 3 + 3);
    if (typeReply?.[0]) throw typeReply[0];
    const type = String(typeReply?.[1] ?? "none");
    const pttl = Number(ttlReply?.[1] ?? -2);
    const readable = type === EXPECTED_TYPE[request.role] && !valueReply?.[0];
    const raw = readable ? (valueReply?.[1] as string | Record<string, string> | null) : null;
    return { ...request, type, ttlSeconds: pttl >= 0 ? Math.ceil(pttl / 1000) : null, raw };
  });
}
