import "server-only";
import { findSnapshotRow } from "../archive/snapshots";
import { getPrisma } from "../db";
import { dtypeOfColumn } from "../catalog/dtypes";
import { AppError, notFound } from "../errors";
import { getGroup } from "../registry/groups";
import { readRedisKeys, type RedisKeyRequest, type RedisKeyState } from "../redis/entity";
import { listColumns } from "../risingwave/catalog";
import { readEntityRow, readRedisSinks } from "../risingwave/entity";
import type { FeatureGroupDefinition } from "../schemas/feature-group";
import { compareLayers, type FeatureComparison, type LayerValues } from "./compare";
import { jsonSinkKey, parseKey, renderKeyTemplate, type KeyColumn, type KeyPart } from "./key";
import { toEpochMs } from "./normalize";
import { parseTemplateValue } from "./template";

export type LayerSummary = {
  id: string;
  kind: LayerValues["kind"];
  label: string;
  status: "found" | "not_found" | "error";
  detail: string | null;
  key?: string;
  redisType?: string;
  ttlSeconds?: number | null;
  /** Seconds between the value's own timestamp column and now. */
  ageSeconds?: number | null;
  takenAt?: string;
  error?: string;
};

export type LookupResult = {
  group: string;
  materializedView: string;
  key: Record<string, string>;
  at: string | null;
  generatedAt: string;
  layers: LayerSummary[];
  features: FeatureComparison[];
};

/** The key columns: the registry's entity keys, else the MV's primary key in rw_columns. */
function keyColumns(definition: FeatureGroupDefinition, live: { name: string; dataType: string; isPrimaryKey: boolean }[]): KeyColumn[] {
  const names = definition.entity?.keys ?? live.filter((column) => column.isPrimaryKey).map((column) => column.name);
  return names.map((name) => {
    const column = live.find((candidate) => candidate.name === name);
    if (!column) throw new AppError(409, `key column ${name} is not a column of ${definition.materialized_view} in RisingWave`);
    const dtype = dtypeOfColumn(column.dataType);
    if (!dtype) throw new AppError(409, `key column ${name} has a type (${column.dataType}) lookups do not support`);
    return { name, dtype };
  });
}

/** `key=42` for a one-column key; `key={"a":1,"b":"x"}` (JSON) or `key.<column>=…` for a composite one. */
function singleKey(columns: KeyColumn[], raw: string): Record<string, string> {
  if (columns.length === 1) return { [(columns[0] as KeyColumn).name]: raw };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return Object.fromEntries(Object.entries(parsed).map(([column, value]) => [column, String(value)]));
  } catch {
    // fall through to the explanation below
  }
  throw new AppError(400, `this group has a composite key (${columns.map((column) => column.name).join(", ")}): pass key.<column>=… or key as a JSON object`);
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
async function settle<T>(run: () => Promise<T>): Promise<{ value?: T; error?: string }> {
  try {
    return { value: await run() };
  } catch (error) {
    return { error: errorText(error) };
  }
}

/** The Redis values of one entity as columns, per key role. */
function redisColumns(state: RedisKeyState, valueFormat: string | null): Record<string, unknown> | null {
  if (state.raw === null) return null;
  if (typeof state.raw !== "string") return Object.keys(state.raw).length > 0 ? state.raw : null;
  if (state.role === "template-sink") return valueFormat ? parseTemplateValue(valueFormat, state.raw) : null;
  try {
    const parsed: unknown = JSON.parse(state.raw);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function missingInRedis(state: RedisKeyState): string {
  if (state.type !== "none") return `the value of ${state.key} cannot be read as ${state.role === "cache" ? "a hash" : "the sink's format"} (type ${state.type})`;
  return state.role === "cache" ? "missing in Redis: TTL expired or never written" : "missing in Redis: never written by the sink, or deleted";
}

/**
 * One entity side by side in RisingWave (the source of truth), every Redis key its sinks and the
 * serving cache use, and the snapshot in force at `at` (latest when null). Identifiers come from
 * the registry and rw_columns only; key values are validated, then sent as parameters.
 */
export async function lookupEntity(groupName: string, rawKey: Record<string, string | undefined> | string, at: Date | null, now = new Date()): Promise<LookupResult> {
  const stored = await getGroup(groupName);
  if (!stored) throw notFound(`Feature group ${groupName}`);
  const { definition } = stored;
  const mv = definition.materialized_view;
  const [columnsByMv, sinks] = await Promise.all([listColumns([mv]), readRedisSinks(mv)]);
  const live = columnsByMv.get(mv);
  if (!live) throw new AppError(409, `materialized view ${mv} does not exist in RisingWave`);
  const columns = keyColumns(definition, live);
  const parsed = parseKey(columns, typeof rawKey === "string" ? singleKey(columns, rawKey) : rawKey);
  if (!parsed.ok) throw new AppError(400, "invalid key", parsed.errors.map((error) => ({ path: `key.${error.column}`, message: error.message })));
  const key: KeyPart[] = parsed.parts;

  const liveNames = new Set(live.map((column) => column.name));
  const features = definition.features.filter((feature) => liveNames.has(feature.name));
  const timestampColumn = definition.timestamp_column && liveNames.has(definition.timestamp_column) ? definition.timestamp_column : undefined;
  const selected = [...new Set([...key.map((part) => part.column), ...features.map((feature) => feature.name), ...(timestampColumn ? [timestampColumn] : [])])];

  const redisRequests: (RedisKeyRequest & { valueFormat: string | null })[] = sinks.map((sink) => ({
    key: sink.keyFormat ? renderKeyTemplate(sink.keyFormat, key) : jsonSinkKey(key),
    role: sink.keyFormat ? "template-sink" : "json-sink",
    source: sink.name,
    valueFormat: sink.valueFormat,
  }));
  if (definition.redis?.kind === "hash" && definition.redis.key_template) {
    redisRequests.push({ key: renderKeyTemplate(definition.redis.key_template, key), role: "cache", source: "serving cache", valueFormat: null });
  }

  const [row, redis, snapshot] = await Promise.all([
    settle(() => readEntityRow(mv, selected, key)),
    settle(() => readRedisKeys(redisRequests)),
    definition.snapshot ? settle(() => findSnapshotRow(definition.snapshot?.path as string, key, selected, at)) : Promise.resolve(null),
  ]);
  const ageOf = (values: Record<string, unknown> | null) => {
    const time = timestampColumn && values ? toEpochMs(values[timestampColumn]) : null;
    return time === null ? null : Math.max(0, Math.round((now.getTime() - time) / 1000));
  };

  const layers: LayerSummary[] = [];
  const source: LayerValues = { id: "risingwave", kind: "risingwave", values: row.value ?? null, missingReason: row.error ? `RisingWave error: ${row.error}` : "not found in RisingWave" };
  layers.push({
    id: "risingwave", kind: "risingwave", label: `RisingWave · ${mv}`, status: row.error ? "error" : row.value ? "found" : "not_found",
    detail: row.error ? null : row.value ? "source of truth" : "no row with this key", ageSeconds: ageOf(row.value ?? null), ...(row.error ? { error: row.error } : {}),
  });

  const others: LayerValues[] = [];
  redisRequests.forEach((request, index) => {
    const id = `redis:${index}`;
    const label = request.role === "cache" ? "Redis · serving cache (hash)" : `Redis · ${request.source} (${request.role === "json-sink" ? "JSON" : "TEMPLATE"})`;
    if (redis.error) {
      layers.push({ id, kind: "redis", label, status: "error", detail: null, key: request.key, error: redis.error });
      others.push({ id, kind: "redis", values: null, missingReason: `Redis error: ${redis.error}` });
      return;
    }
    const state = redis.value?.[index] as RedisKeyState;
    const values = redisColumns(state, request.valueFormat);
    const reason = values ? undefined : missingInRedis(state);
    layers.push({
      id, kind: "redis", label, status: values ? "found" : "not_found", detail: reason ?? null, key: request.key, redisType: state.type,
      ttlSeconds: state.ttlSeconds, ageSeconds: ageOf(values),
    });
    others.push({ id, kind: "redis", values, cache: request.role === "cache", ...(reason ? { missingReason: reason } : {}) });
  });

  if (snapshot) {
    const hit = snapshot.value;
    const label = hit ? `Snapshot · ${hit.partition}` : "Snapshot";
    const missingReason = snapshot.error
      ? `archive error: ${snapshot.error}`
      : !hit ? (at ? `no snapshot taken at or before ${at.toISOString()}` : "no snapshot in the archive") : `not in the snapshot of ${hit.partition}`;
    layers.push({
      id: "archive", kind: "archive", label, status: snapshot.error ? "error" : hit?.row ? "found" : "not_found",
      detail: hit ? `${hit.file} · ${hit.rowGroupsRead} of ${hit.rowGroups} row groups read` : missingReason,
      ...(hit ? { takenAt: hit.takenAt.toISOString() } : {}), ageSeconds: ageOf(hit?.row ?? null), ...(snapshot.error ? { error: snapshot.error } : {}),
    });
    others.push({ id: "archive", kind: "archive", values: hit?.row ?? null, missingReason, ...(hit ? { takenAt: hit.takenAt } : {}) });
  }

  return {
    group: groupName, materializedView: mv, key: Object.fromEntries(key.map((part) => [part.column, part.sql])), at: at?.toISOString() ?? null, generatedAt: now.toISOString(),
    layers, features: compareLayers(features, source, others, timestampColumn),
  };
}

export type LookupGroupOption = { name: string; keys: string[] };

/** Groups the lookup form offers, with their entity key columns (a group without an entity takes one `key`). */
export async function lookupGroupOptions(): Promise<LookupGroupOption[]> {
  const groups = await getPrisma().featureGroup.findMany({ select: { name: true, entity: { select: { keyColumns: true } } }, orderBy: { name: "asc" } });
  return groups.map((group) => ({ name: group.name, keys: group.entity?.keyColumns ?? [] }));
}
