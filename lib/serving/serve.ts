import "server-only";
import { AppError, unreachable } from "../errors";
import { parseKey, type KeyColumn, type KeyPart } from "../entity-keys/parse";
import { decodeRedisValue, entityRedisKeys, renderKeyTemplate, type EntityRedisKey } from "../entity-keys/resolve";
import { toEpochMs } from "../lookup/normalize";
import { readServingValue, readServingValues, writeServingHashes, type ServingRead } from "../redis/serving";
import { recordServingUsage } from "../redis/serving-usage";
import { readEntityRow, readEntityRows, type EntityRow } from "../risingwave/entity";
import { CircuitBreaker } from "./circuit-breaker";
import { servingGroup, type ServingGroup } from "./group-cache";
import { cacheField, servedValue } from "./typed";

export type ServedVector = {
  group: string;
  key: Record<string, string>;
  features: Record<string, string | number | boolean | null>;
  source: "redis" | "risingwave";
  /** The value's own timestamp is older than the group's freshness SLA. */
  stale: boolean;
  staleReason?: string;
};
export type BatchEntry = ServedVector | { group: string; key: Record<string, string> | string; error: string; status: number };

const state = globalThis as unknown as { servingBreaker?: CircuitBreaker };
export const servingBreaker = () => (state.servingBreaker ??= new CircuitBreaker());

/** Key columns with their types; while RisingWave is unknown, digits are read as integers. */
function servingKeyColumns(group: ServingGroup, names: string[], rawKey: Record<string, string>): KeyColumn[] {
  if (group.keyColumns) return group.keyColumns;
  return names.map((name) => ({ name, dtype: /^-?\d+$/.test(rawKey[name] ?? "") ? "int64" : "string" }));
}

function keyParts(group: ServingGroup, rawKey: string | Record<string, string>): KeyPart[] {
  const names = group.keyColumns?.map((column) => column.name) ?? group.definition.entity?.keys ?? [];
  // Without the catalog the key columns come from the definition; the article's YAML names none.
  if (names.length === 0) throw unreachable("risingwave", " and the group declares no entity keys");
  const byColumn = typeof rawKey === "string" ? (names.length === 1 ? { [names[0] as string]: rawKey } : {}) : rawKey;
  if (typeof rawKey === "string" && names.length !== 1)
    throw new AppError(400, `this group has a composite key (${names.join(", ")}): send each column`);
  const parsed = parseKey(servingKeyColumns(group, names, byColumn), byColumn);
  if (!parsed.ok)
    throw new AppError(
      400,
      "invalid key",
      parsed.errors.map((error) => ({ path: `key.${error.column}`, message: error.message })),
    );
  return parsed.parts;
}

/**
 * Where the group's online values are read from in Redis: the registry's serving cache (`redis.kind:
 * hash`), else the Redis sink of the kind the registry names, else the MV's first Redis sink (the
 * article's YAML names none; its JSON sink serves). Keys come from the shared resolver.
 */
function redisPlace(
  group: ServingGroup,
  parts: KeyPart[],
): (ServingRead & { columns: (raw: string | Record<string, string>) => Record<string, unknown> | null }) | null {
  const redis = group.definition.redis;
  const cacheTemplate = redis?.kind === "hash" ? (redis.key_template ?? null) : null;
  // Without the catalog, a JSON sink's key is still known from the key columns.
  const sinks =
    group.redisSinks.length > 0 || redis?.kind !== "json" ? group.redisSinks : [{ name: "json sink", keyFormat: null, valueFormat: null }];
  const keys = entityRedisKeys(sinks, cacheTemplate, parts);
  const wanted = (key: EntityRedisKey) =>
    !redis
      ? key.role !== "cache"
      : redis.kind === "hash"
        ? key.role === "cache"
        : redis.kind === "json"
          ? key.role === "json-sink"
          : key.role === "template-sink" && key.key === renderKeyTemplate(redis.key_template ?? "", parts);
  const place = keys.find(wanted);
  if (!place) return null;
  return {
    key: place.key,
    type: place.role === "cache" ? "hash" : "string",
    columns: (raw) => decodeRedisValue(place, raw, group.columnTypes),
  };
}

const selectedColumns = (group: ServingGroup, parts: KeyPart[]) => [
  ...new Set([
    ...parts.map((part) => part.column),
    ...group.definition.features.map((feature) => feature.name),
    ...(group.timestampColumn ? [group.timestampColumn] : []),
  ]),
];

function vector(
  group: ServingGroup,
  parts: KeyPart[],
  values: Record<string, unknown>,
  source: ServedVector["source"],
  now: number,
): ServedVector {
  const { definition, timestampColumn } = group;
  const eventMs = timestampColumn ? toEpochMs(values[timestampColumn]) : null;
  const ageSeconds = eventMs === null ? null : (now - eventMs) / 1000;
  const stale = ageSeconds !== null && ageSeconds > definition.freshness_sla_seconds;
  return {
    group: definition.name,
    key: Object.fromEntries(parts.map((part) => [part.column, part.sql])),
    features: Object.fromEntries(definition.features.map((feature) => [feature.name, servedValue(values[feature.name], feature.dtype)])),
    source,
    stale,
    ...(stale
      ? { staleReason: `${timestampColumn} is ${Math.round(ageSeconds as number)} s old; the SLA is ${definition.freshness_sla_seconds} s` }
      : {}),
  };
}

/** The MV to read from; without the catalog RisingWave is not answering, and the read fails as unavailable. */
function liveRelation(group: ServingGroup): { schema: string; name: string } {
  if (!group.relation) throw unreachable("risingwave", `: the schema of ${group.definition.materialized_view} is unknown`);
  return group.relation;
}

/**
 * RisingWave behind the breaker; identical concurrent misses share one query (no storm on recovery).
 * The breaker is not the RisingWave gate twice: the gate closes only when RisingWave is unreachable,
 * while the breaker also opens on 503s from a cluster that answers too slowly (statement timeouts,
 * every pooled connection busy), so the serving path stops adding load and serves from Redis.
 */
const inFlight = new Map<string, Promise<EntityRow[]>>();
async function guardedRead(flightKey: string, read: () => Promise<EntityRow[]>, now: number): Promise<EntityRow[]> {
  const pending = inFlight.get(flightKey);
  if (pending) return pending;
  const breaker = servingBreaker();
  if (!breaker.tryAcquire(now)) {
    throw new AppError(503, `RisingWave is recovering: serving from Redis only, retry in ${Math.ceil(breaker.retryInMs(now) / 1000)} s`);
  }
  const promise = read().then(
    (rows) => {
      breaker.recordSuccess();
      return rows;
    },
    (error: unknown) => {
      // Only unavailability opens the breaker; an SQL error means RisingWave answered.
      if (error instanceof AppError && error.status === 503) breaker.recordFailure(Date.now());
      else breaker.recordSuccess();
      throw error;
    },
  );
  inFlight.set(flightKey, promise);
  try {
    return await promise;
  } finally {
    inFlight.delete(flightKey);
  }
}

const fillEntry = (group: ServingGroup, parts: KeyPart[], row: EntityRow) => {
  const redis = group.definition.redis;
  if (redis?.kind !== "hash" || !redis.key_template) return null; // sinks own JSON and TEMPLATE keys
  const fields = Object.fromEntries(
    Object.entries(row)
      .filter(([column]) => !parts.some((part) => part.column === column))
      .map(([column, value]) => [column, cacheField(value)]),
  );
  return { key: renderKeyTemplate(redis.key_template, parts), fields, ttlSeconds: redis.ttl_seconds };
};

/** Every served vector counts towards its group's serving figures (the gateway's and every replica's). */
function counted(served: ServedVector): ServedVector {
  recordServingUsage(served.group, served);
  return served;
}

/** The key columns a group's entities are named by (the MV's primary key, or the definition's while RisingWave is unknown). */
export async function servingKeyNames(groupName: string, now = Date.now()): Promise<string[]> {
  const group = await servingGroup(groupName, now);
  return group.keyColumns?.map((column) => column.name) ?? group.definition.entity?.keys ?? [];
}

/** Redis first; on a miss RisingWave (behind the breaker), and the cache-aside hash is filled with the group's TTL. */
export async function serveFeatures(groupName: string, rawKey: string | Record<string, string>, now = Date.now()): Promise<ServedVector> {
  const known = servingGroup(groupName, now);
  const group = known instanceof Promise ? await known : known;
  const parts = keyParts(group, rawKey);
  const place = redisPlace(group, parts);
  const cached = place ? await readServingValue(place).catch(() => null) : null;
  const values = place && cached ? place.columns(cached) : null;
  if (values) return counted(vector(group, parts, values, "redis", now));
  const sql = selectedColumns(group, parts);
  const [row] = await guardedRead(
    `${groupName}\u0000${JSON.stringify(parts)}`,
    async () => {
      const found = await readEntityRow(liveRelation(group), sql, parts);
      return found ? [found] : [];
    },
    now,
  );
  if (!row) throw new AppError(404, `no ${group.definition.entity?.name ?? "entity"} with this key in ${groupName}`);
  const fill = fillEntry(group, parts, row);
  if (fill) await writeServingHashes([fill]).catch(() => undefined); // a cache write failing must not fail the read
  return counted(vector(group, parts, row, "risingwave", now));
}

/**
 * Many entities of one group: one Redis pipeline for all of them, then one RisingWave statement for
 * the misses (an IN list for a one-column key), and one MULTI to fill the cache.
 */
export async function serveGroupBatch(
  groupName: string,
  rawKeys: (string | Record<string, string>)[],
  now = Date.now(),
): Promise<BatchEntry[]> {
  const group = await servingGroup(groupName, now);
  const entries: (BatchEntry | { parts: KeyPart[] })[] = rawKeys.map((rawKey) => {
    try {
      return { parts: keyParts(group, rawKey) };
    } catch (error) {
      return {
        group: groupName,
        key: rawKey,
        error: error instanceof Error ? error.message : String(error),
        status: error instanceof AppError ? error.status : 500,
      };
    }
  });
  const pending = entries.flatMap((entry, index) =>
    "parts" in entry ? [{ index, parts: entry.parts, place: redisPlace(group, entry.parts) }] : [],
  );
  const withPlace = pending.filter((item) => item.place);
  const cached = await readServingValues(withPlace.map((item) => item.place as ServingRead)).catch(() => withPlace.map(() => null));
  const misses: typeof pending = [];
  withPlace.forEach((item, position) => {
    const raw = cached[position];
    const values = raw && item.place ? item.place.columns(raw) : null;
    if (values) entries[item.index] = vector(group, item.parts, values, "redis", now);
    else misses.push(item);
  });
  misses.push(...pending.filter((item) => !item.place));
  if (misses.length > 0) {
    const mv = liveRelation(group);
    const columns = selectedColumns(group, misses[0]?.parts ?? []);
    const single = (misses[0]?.parts.length ?? 0) === 1 ? (misses[0]?.parts[0] as KeyPart) : null;
    try {
      const rows = await guardedRead(
        `${groupName}\u0000batch\u0000${misses.map((item) => JSON.stringify(item.parts)).join("|")}`,
        async () =>
          single
            ? readEntityRows(
                mv,
                columns,
                single.column,
                single.cast,
                misses.map((item) => (item.parts[0] as KeyPart).sql),
              )
            : (await Promise.all(misses.map((item) => readEntityRow(mv, columns, item.parts)))).filter(
                (row): row is EntityRow => row !== null,
              ),
        now,
      );
      const keyOf = (parts: KeyPart[]) => parts.map((part) => part.sql).join("\u0000");
      const rowKey = (row: EntityRow) =>
        (misses[0]?.parts ?? [])
          .map((part) => servedValue(row[part.column], part.dtype))
          .map(String)
          .join("\u0000");
      const byKey = new Map(rows.map((row) => [rowKey(row), row]));
      const fills = [];
      for (const item of misses) {
        const row = byKey.get(keyOf(item.parts));
        if (!row) {
          entries[item.index] = {
            group: groupName,
            key: Object.fromEntries(item.parts.map((part) => [part.column, part.sql])),
            error: "not found",
            status: 404,
          };
          continue;
        }
        entries[item.index] = vector(group, item.parts, row, "risingwave", now);
        const fill = fillEntry(group, item.parts, row);
        if (fill) fills.push(fill);
      }
      await writeServingHashes(fills).catch(() => undefined);
    } catch (error) {
      for (const item of misses) {
        entries[item.index] = {
          group: groupName,
          key: Object.fromEntries(item.parts.map((part) => [part.column, part.sql])),
          error: error instanceof Error ? error.message : String(error),
          status: error instanceof AppError ? error.status : 503,
        };
      }
    }
  }
  for (const entry of entries) if ("source" in entry) counted(entry);
  return entries as BatchEntry[];
}
