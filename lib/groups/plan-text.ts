import { formatDuration } from "../format";

type Entity = { name: string; keys: string[] };
type Redis = { kind: string; key_template?: string; ttl_seconds?: number };

/** A plan value as an owner reads it: "user (key user_id)", "30 s", "json · TTL 2 h", never raw JSON. */
export function describePlanValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "–";
  if (Array.isArray(value)) return value.length === 0 ? "–" : value.join(", ");
  if (field === "freshness_sla_seconds" && typeof value === "number") return `${formatDuration(value)} (${value} s)`;
  if (field === "entity") {
    const entity = value as Entity;
    return `${entity.name || "(unnamed)"} (key${entity.keys.length === 1 ? "" : "s"} ${entity.keys.join(", ")})`;
  }
  if (field === "redis") {
    const redis = value as Redis;
    return [
      redis.kind,
      redis.key_template ? `key ${redis.key_template}` : null,
      redis.ttl_seconds ? `TTL ${formatDuration(redis.ttl_seconds)}` : "no TTL",
    ]
      .filter(Boolean)
      .join(" · ");
  }
  if (field === "snapshot") return (value as { path: string }).path;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
