/**
 * REDIS_URL: one server (`redis://host:6379/0`), or a Redis Cluster in the form RisingWave's Redis
 * sink takes for `redis.url`: a JSON array of node URLs (`["redis://h1:7000","redis://h2:7001"]`).
 * Credentials and TLS come from the first node; a cluster has no database number.
 */
export type RedisTarget =
  | { kind: "server"; url: string }
  | { kind: "cluster"; nodes: { host: string; port: number }[]; username?: string; password?: string; tls: boolean };

const isRedisUrl = (value: string) => /^rediss?:\/\/[^/]/.test(value);

export function parseRedisTarget(value: string): RedisTarget {
  if (!value.trim().startsWith("[")) {
    if (!isRedisUrl(value)) throw new Error("must be a redis:// or rediss:// URL, or a JSON array of them (Redis Cluster)");
    return { kind: "server", url: value };
  }
  let list: unknown;
  try {
    list = JSON.parse(value);
  } catch {
    throw new Error('a Redis Cluster is a JSON array of node URLs, e.g. ["redis://h1:7000","redis://h2:7001"]');
  }
  if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === "string" && isRedisUrl(item)))
    throw new Error('a Redis Cluster is a JSON array of redis:// URLs, e.g. ["redis://h1:7000","redis://h2:7001"]');
  const urls = (list as string[]).map((item) => new URL(item));
  const first = urls[0] as URL;
  return {
    kind: "cluster",
    nodes: urls.map((url) => ({ host: url.hostname, port: Number(url.port || 6379) })),
    ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
    ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
    tls: first.protocol === "rediss:",
  };
}
