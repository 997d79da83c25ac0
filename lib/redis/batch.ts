import { Cluster, ReplyError, type ChainableCommander, type Redis } from "ioredis";

/** One Redis server, or a Redis Cluster (REDIS_URL as a JSON array of node URLs). */
export type RedisClient = Redis | Cluster;

type Reply = [Error | null, unknown];

/** Redis answered with an error (wrong type, script error): Redis is up. Anything else means it did not answer. */
export const isOutage = (error: unknown) => error instanceof Error && !(error instanceof ReplyError);

/**
 * Commands on many keys in one round trip, each answered alone ([error, value]). With auto-pipelining
 * (the app's clients) each command is sent by itself and the client batches those of one tick, per
 * node on a cluster (whose keys live in slots one pipeline cannot span), together with other requests'
 * commands; otherwise, an explicit pipeline. A lost connection shows in every reply rather than as a
 * rejection: it is thrown.
 */
export async function runBatch(redis: RedisClient, build: (batch: ChainableCommander) => void): Promise<Reply[]> {
  let replies: Reply[];
  if (redis instanceof Cluster || redis.options.enableAutoPipelining) {
    const calls: (() => Promise<unknown>)[] = [];
    const commands = redis as unknown as Record<string | symbol, (...args: unknown[]) => Promise<unknown>>;
    const recorder: ChainableCommander = new Proxy({} as ChainableCommander, {
      get:
        (_, command) =>
        (...args: unknown[]) => {
          calls.push(() => commands[command]!(...args));
          return recorder;
        },
    });
    build(recorder);
    const settled = await Promise.allSettled(calls.map((call) => call()));
    replies = settled.map((result): Reply => (result.status === "fulfilled" ? [null, result.value] : [result.reason as Error, null]));
  } else {
    const pipeline = redis.pipeline();
    build(pipeline);
    replies = ((await pipeline.exec()) ?? []) as Reply[];
  }
  const outage = replies.find(([error]) => isOutage(error));
  if (outage) throw outage[0];
  return replies;
}

/** The servers holding the keys: the one server, or every master of the cluster (connected first). */
export async function masters(redis: RedisClient): Promise<Redis[]> {
  if (!(redis instanceof Cluster)) return [redis];
  if (redis.nodes("master").length === 0) await redis.ping();
  return redis.nodes("master");
}

const SUMMED_INFO = [
  "used_memory",
  "maxmemory",
  "keyspace_hits",
  "keyspace_misses",
  "evicted_keys",
  "expired_keys",
  "connected_clients",
  "instantaneous_ops_per_sec",
];

/** INFO of the one server; of a cluster, the figures Tideline reads summed over its masters. */
export async function serverInfo(redis: RedisClient): Promise<string> {
  const servers = await masters(redis);
  if (servers.length === 1) return (servers[0] as Redis).info();
  const infos = await Promise.all(servers.map((server) => server.info()));
  return SUMMED_INFO.map((field) => {
    const values = infos.map((info) => new RegExp(`^${field}:(\\d+)`, "m").exec(info)?.[1]).filter((value) => value !== undefined);
    return values.length > 0 ? `${field}:${values.reduce((sum, value) => sum + Number(value), 0)}` : "";
  })
    .filter(Boolean)
    .join("\r\n");
}
