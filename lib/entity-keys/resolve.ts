// The one answer to "which Redis keys and which SQL predicate belong to this entity of this group",
// used by the lookup, the serving gateway and (through shapes.ts) the Redis stats walk.
import { dtypeOfColumn } from "../groups/dtypes";
import { decodeJsonValue, decodeTemplateText, keyJson, keyText, parseJsonExact } from "./encode";
import type { KeyColumn, KeyPart } from "./parse";
import { parseTemplateValue } from "./template";

/** A Redis sink fed by the group's MV: TEMPLATE formats, or null for ENCODE JSON. */
export type RedisSinkKeys = { name: string; keyFormat: string | null; valueFormat: string | null };
export type RedisKeyRole = "json-sink" | "template-sink" | "cache";
/** One place an entity's values live in Redis, and how to read it. */
export type EntityRedisKey = { key: string; role: RedisKeyRole; source: string; valueFormat: string | null };

/** A live column of the MV (rw_columns). */
export type LiveKeyColumn = { name: string; dataType: string; isPrimaryKey: boolean };

/** A group's key column names: the registry's entity keys, else the MV's primary key in rw_columns. */
export const keyNamesOf = (entityKeys: string[] | null | undefined, live: Pick<LiveKeyColumn, "name" | "isPrimaryKey">[]): string[] =>
  entityKeys ?? live.filter((column) => column.isPrimaryKey).map((column) => column.name);

/** The key columns with their types; `missing` names a key column the MV does not have. */
export function keyColumnsOf(entityKeys: string[] | undefined, live: LiveKeyColumn[]): { columns: KeyColumn[]; missing: string | null } {
  const names = keyNamesOf(entityKeys, live);
  const columns: KeyColumn[] = [];
  for (const name of names) {
    const column = live.find((candidate) => candidate.name === name);
    if (!column) return { columns, missing: name };
    columns.push({ name, dtype: dtypeOfColumn(column.dataType) ?? "string", dataType: column.dataType });
  }
  return { columns, missing: null };
}

/** The JSON sink's key: the key columns sorted by name, compact, each in its type's encoding (§11.1–2). */
export function jsonSinkKey(parts: KeyPart[]): string {
  const sorted = [...parts].sort((a, b) => (a.column < b.column ? -1 : a.column > b.column ? 1 : 0));
  return `{${sorted.map((part) => `${JSON.stringify(part.column)}:${keyJson(part)}`).join(",")}}`;
}

/** `{column}` placeholders filled with RisingWave's text of each key value; `\{` `\}` are literal braces. */
export function renderKeyTemplate(template: string, parts: KeyPart[]): string {
  const pieces = compiledTemplate(template);
  let key = "";
  for (const piece of pieces) {
    if (typeof piece === "string") key += piece;
    else {
      const part = parts.find((candidate) => candidate.column === piece.column);
      key += part ? keyText(part) : "NULL";
    }
  }
  return key;
}

// Serving renders a key per request: each template is split into literal text and placeholders once.
const TEMPLATES = new Map<string, (string | { column: string })[]>();
const MAX_TEMPLATES = 1_000;
function compiledTemplate(template: string): (string | { column: string })[] {
  let pieces = TEMPLATES.get(template);
  if (pieces) return pieces;
  pieces = [];
  let literal = "";
  for (const match of template.matchAll(/\\([{}])|\{([a-zA-Z_][a-zA-Z0-9_]*)\}|([^\\{]+|[\\{])/g)) {
    if (match[2] !== undefined) {
      if (literal) pieces.push(literal);
      literal = "";
      pieces.push({ column: match[2] });
    } else literal += match[1] ?? match[3] ?? "";
  }
  if (literal) pieces.push(literal);
  if (TEMPLATES.size >= MAX_TEMPLATES) TEMPLATES.clear();
  TEMPLATES.set(template, pieces);
  return pieces;
}

/** Every Redis key of the entity: one per Redis sink of the MV, then the registry's serving cache. */
export function entityRedisKeys(sinks: RedisSinkKeys[], cacheTemplate: string | null, parts: KeyPart[]): EntityRedisKey[] {
  const keys: EntityRedisKey[] = sinks.map((sink) => ({
    key: sink.keyFormat ? renderKeyTemplate(sink.keyFormat, parts) : jsonSinkKey(parts),
    role: sink.keyFormat ? "template-sink" : "json-sink",
    source: sink.name,
    valueFormat: sink.valueFormat,
  }));
  if (cacheTemplate) keys.push({ key: renderKeyTemplate(cacheTemplate, parts), role: "cache", source: "serving cache", valueFormat: null });
  return keys;
}

/** `"a" = $1::int8 AND "b" = $2::varchar`, with the values as parameters (multi-column keys without row comparison). */
export function keyPredicate(parts: KeyPart[], quote: (name: string) => string, firstParam = 1): { sql: string; params: string[] } {
  return {
    sql: parts.map((part, index) => `${quote(part.column)} = $${firstParam + index}::${part.cast}`).join(" AND "),
    params: parts.map((part) => part.sql),
  };
}

/**
 * A Redis value read back into columns, typed like the MV's (`columnTypes`: name → rw_columns
 * data_type): a JSON sink's object, a TEMPLATE sink's placeholders, or the cache's hash fields.
 * Null when the value does not have the shape its role implies.
 */
export function decodeRedisValue(
  key: EntityRedisKey,
  raw: string | Record<string, string> | null,
  columnTypes: Map<string, string>,
): Record<string, unknown> | null {
  if (raw === null) return null;
  if (typeof raw !== "string") {
    if (Object.keys(raw).length === 0) return null;
    return Object.fromEntries(
      Object.entries(raw).map(([column, text]) => [column, decodeTemplateText(text, columnTypes.get(column) ?? "")]),
    );
  }
  if (key.role === "template-sink") {
    const fields = key.valueFormat ? parseTemplateValue(key.valueFormat, raw) : null;
    return (
      fields &&
      Object.fromEntries(Object.entries(fields).map(([column, text]) => [column, decodeTemplateText(text, columnTypes.get(column) ?? "")]))
    );
  }
  try {
    const parsed = parseJsonExact(raw);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
    return Object.fromEntries(
      Object.entries(parsed).map(([column, value]) => [column, decodeJsonValue(value, columnTypes.get(column) ?? "")]),
    );
  } catch {
    return null;
  }
}
