import "server-only";
import { findChangeRow } from "../archive/file-sink";
import { archiveFoldersOf } from "../archive/group-archive";
import { findSnapshotRow } from "../archive/snapshots";
import { eventTimeColumn } from "../groups/event-time";
import { parseKey, type KeyColumn, type KeyPart } from "../entity-keys/parse";
import { decodeRedisValue, entityRedisKeys, keyColumnsOf, keyNamesOf, type EntityRedisKey } from "../entity-keys/resolve";
import { AppError, notFound } from "../errors";
import { getGroup } from "../registry/groups";
import { listGroupOutlines } from "../registry/outlines";
import { readRedisKeys, type RedisKeyState } from "../redis/entity";
import { listRelations, type LiveRelation } from "../risingwave/catalog";
import { readEntityRow, readSinksOf } from "../risingwave/entity";
import { compareLayers, type FeatureComparison, type LayerValues } from "./compare";
import { toEpochMs } from "./normalize";

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

/** `key=42` for a one-column key; `key={"a":1,"b":"x"}` (JSON) or `key.<column>=…` for a composite one. */
function singleKey(columns: KeyColumn[], raw: string): Record<string, string> {
  if (columns.length === 1) return { [(columns[0] as KeyColumn).name]: raw };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      return Object.fromEntries(Object.entries(parsed).map(([column, value]) => [column, String(value)]));
  } catch {
    // fall through to the explanation below
  }
  throw new AppError(
    400,
    `this group has a composite key (${columns.map((column) => column.name).join(", ")}): pass key.<column>=… or key as a JSON object`,
  );
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
async function settle<T>(run: () => Promise<T>): Promise<{ value?: T; error?: string }> {
  try {
    return { value: await run() };
  } catch (error) {
    return { error: errorText(error) };
  }
}

function missingInRedis(state: RedisKeyState): string {
  if (state.type !== "none")
    return `the value of ${state.key} cannot be read as ${state.role === "cache" ? "a hash" : "the sink's format"} (type ${state.type})`;
  // FORMAT UPSERT deletes the key with the row (§11.4): a missing key for a missing row is correct.
  return state.role === "cache"
    ? "missing in Redis: TTL expired or never written"
    : "missing in Redis: never written by the sink, or deleted with the row";
}

type ArchiveLayer = { summary: LayerSummary; values: LayerValues };

/** The archive's answers for the entity at `at`: the Hive snapshot in force, and each file sink's last change up to then. */
async function archiveLayers(
  folders: { folder: string; sink: string | null }[],
  key: KeyPart[],
  selected: string[],
  at: Date | null,
  ageOf: (values: Record<string, unknown> | null) => number | null,
): Promise<ArchiveLayer[]> {
  const layers = await Promise.all(
    folders.map(async ({ folder, sink }, index): Promise<ArchiveLayer[]> => {
      const found: ArchiveLayer[] = [];
      const snapshot = await settle(() => findSnapshotRow(folder, key, selected, at));
      if (snapshot.error || snapshot.value || !sink) {
        const hit = snapshot.value ?? null;
        const id = `archive:${index}`;
        const missingReason = snapshot.error
          ? `archive error: ${snapshot.error}`
          : !hit
            ? at
              ? `no snapshot taken at or before ${at.toISOString()}`
              : "no snapshot in the archive"
            : `not in the snapshot of ${hit.partition}`;
        found.push({
          summary: {
            id,
            kind: "archive",
            label: hit ? `Snapshot · ${hit.partition}` : "Snapshot",
            status: snapshot.error ? "error" : hit?.row ? "found" : "not_found",
            detail: hit
              ? `${hit.file} · ${hit.files} part file(s) · ${hit.rowGroupsRead} of ${hit.rowGroups} row groups read`
              : missingReason,
            ...(hit ? { takenAt: hit.takenAt.toISOString() } : {}),
            ageSeconds: ageOf(hit?.row ?? null),
            ...(snapshot.error ? { error: snapshot.error } : {}),
          },
          values: { id, kind: "archive", values: hit?.row ?? null, missingReason, ...(hit ? { takenAt: hit.takenAt } : {}) },
        });
      }
      if (sink) {
        const change = await settle(() => findChangeRow(folder, key, selected, at));
        const hit = change.value;
        const id = `changes:${index}`;
        const upTo = at ? `up to ${at.toISOString()}` : "up to now";
        const missingReason = change.error
          ? `archive error: ${change.error}`
          : `no change of this key in the ${hit?.filesRead ?? 0} newest of ${hit?.filesConsidered ?? 0} file(s) ${upTo}${hit?.truncated ? " (older files not read)" : ""}`;
        found.push({
          summary: {
            id,
            kind: "archive",
            label: `File sink · ${sink} (last change ${upTo})`,
            status: change.error ? "error" : hit?.row ? "found" : "not_found",
            detail: hit?.row ? `${hit.file} · newest of ${hit.filesConsidered} change file(s); ${hit.filesRead} read` : missingReason,
            ...(hit?.writtenAt ? { takenAt: hit.writtenAt.toISOString() } : {}),
            ageSeconds: ageOf(hit?.row ?? null),
            ...(change.error ? { error: change.error } : {}),
          },
          values: { id, kind: "archive", values: hit?.row ?? null, missingReason, ...(hit?.writtenAt ? { takenAt: hit.writtenAt } : {}) },
        });
      }
      return found;
    }),
  );
  return layers.flat();
}

/**
 * One entity side by side in RisingWave (the source of truth), every Redis key its sinks and the
 * serving cache use, and the archive in force at `at` (latest when null). Identifiers come from the
 * registry and rw_columns only; key values are validated, then sent as parameters.
 */
export async function lookupEntity(
  groupName: string,
  rawKey: Record<string, string | undefined> | string,
  at: Date | null,
  now = new Date(),
): Promise<LookupResult> {
  const stored = await getGroup(groupName);
  if (!stored) throw notFound(`Feature group ${groupName}`);
  const { definition } = stored;
  const mv = definition.materialized_view;
  const [relations, sinks] = await Promise.all([listRelations([mv]), readSinksOf(mv)]);
  const relation = relations.get(mv);
  if (!relation) throw new AppError(409, `materialized view ${mv} does not exist in RisingWave`);
  const { columns, missing } = keyColumnsOf(definition.entity?.keys, relation.columns);
  if (missing) throw new AppError(409, `key column ${missing} is not a column of ${mv} in RisingWave`);
  const parsed = parseKey(columns, typeof rawKey === "string" ? singleKey(columns, rawKey) : rawKey);
  if (!parsed.ok)
    throw new AppError(
      400,
      "invalid key",
      parsed.errors.map((error) => ({ path: `key.${error.column}`, message: error.message })),
    );
  const key: KeyPart[] = parsed.parts;

  const columnTypes = new Map(relation.columns.map((column) => [column.name, column.dataType]));
  const features = definition.features.filter((feature) => columnTypes.has(feature.name));
  const timestampColumn = eventTimeColumn(definition.timestamp_column, relation.columns) ?? undefined;
  const selected = [
    ...new Set([
      ...key.map((part) => part.column),
      ...features.map((feature) => feature.name),
      ...(timestampColumn ? [timestampColumn] : []),
    ]),
  ];

  const redisSinks = sinks.filter((sink) => sink.connector === "redis");
  const cacheTemplate = definition.redis?.kind === "hash" ? (definition.redis.key_template ?? null) : null;
  const redisKeys: EntityRedisKey[] = entityRedisKeys(redisSinks, cacheTemplate, key);
  const ageOf = (values: Record<string, unknown> | null) => {
    const time = timestampColumn && values ? toEpochMs(values[timestampColumn]) : null;
    return time === null ? null : Math.max(0, Math.round((now.getTime() - time) / 1000));
  };

  const [row, redis, archive] = await Promise.all([
    settle(() => readEntityRow(relation, selected, key)),
    settle(() => readRedisKeys(redisKeys)),
    archiveLayers(archiveFoldersOf(definition, sinks), key, selected, at, ageOf),
  ]);

  const layers: LayerSummary[] = [];
  const source: LayerValues = {
    id: "risingwave",
    kind: "risingwave",
    values: row.value ?? null,
    missingReason: row.error ? `RisingWave error: ${row.error}` : "not found in RisingWave",
  };
  layers.push({
    id: "risingwave",
    kind: "risingwave",
    label: `RisingWave · ${relation.schema === "public" ? mv : `${relation.schema}.${mv}`}`,
    status: row.error ? "error" : row.value ? "found" : "not_found",
    detail: row.error ? null : row.value ? "source of truth" : "no row with this key",
    ageSeconds: ageOf(row.value ?? null),
    ...(row.error ? { error: row.error } : {}),
  });

  const others: LayerValues[] = [];
  redisKeys.forEach((request, index) => {
    const id = `redis:${index}`;
    const label =
      request.role === "cache"
        ? "Redis · serving cache (hash)"
        : `Redis · ${request.source} (${request.role === "json-sink" ? "JSON" : "TEMPLATE"})`;
    if (redis.error) {
      layers.push({ id, kind: "redis", label, status: "error", detail: null, key: request.key, error: redis.error });
      others.push({ id, kind: "redis", values: null, missingReason: `Redis error: ${redis.error}` });
      return;
    }
    const state = redis.value?.[index] as RedisKeyState;
    const values = decodeRedisValue(request, state.raw, columnTypes);
    const reason = values ? undefined : missingInRedis(state);
    layers.push({
      id,
      kind: "redis",
      label,
      status: values ? "found" : "not_found",
      detail: reason ?? null,
      key: request.key,
      redisType: state.type,
      ttlSeconds: state.ttlSeconds,
      ageSeconds: ageOf(values),
    });
    others.push({ id, kind: "redis", values, cache: request.role === "cache", ...(reason ? { missingReason: reason } : {}) });
  });

  for (const layer of archive) {
    layers.push(layer.summary);
    others.push(layer.values);
  }

  return {
    group: groupName,
    materializedView: mv,
    key: Object.fromEntries(key.map((part) => [part.column, part.sql])),
    at: at?.toISOString() ?? null,
    generatedAt: now.toISOString(),
    layers,
    features: compareLayers(features, source, others, timestampColumn, definition.freshness_sla_seconds),
  };
}

export type LookupGroupOption = { name: string; keys: string[] };

/**
 * Groups the lookup form offers, with their key columns: the entity's, else the MV's primary key
 * (one catalog statement for all of them; the article's YAML declares no entity). Without
 * RisingWave, such a group takes one `key`.
 */
export async function lookupGroupOptions(): Promise<LookupGroupOption[]> {
  const groups = await listGroupOutlines();
  const withoutEntity = groups.filter((group) => !group.entityKeys).map((group) => group.materializedView);
  const relations = await listRelations([...new Set(withoutEntity)]).catch(() => new Map<string, LiveRelation>());
  return groups.map((group) => ({
    name: group.name,
    keys: keyNamesOf(group.entityKeys, relations.get(group.materializedView)?.columns ?? []),
  }));
}
