// Where a group's keys live in Redis as a whole: one pattern per sink key shape and per cache
// template, for the Redis stats walk. The same rules as resolve.ts, with placeholders as wildcards.
// Keys are matched in linear time (literal pieces found left to right), never by a regular
// expression a template could make backtrack.

export type KeyPattern = {
  /** Redis-style glob, for display (`features:user:*`, `{"user_id":*}`). */
  glob: string;
  /** The literal pieces between the wildcards: the key starts with the first and ends with the last. */
  pieces: string[];
  role: "json-sink" | "template-sink" | "cache";
  /** Every group whose keys have this shape (sinks of different MVs can write the same shape). */
  groups: string[];
};

export type GroupKeySources = {
  group: string;
  keyColumns: string[];
  /** The group's Redis sinks: a TEMPLATE key format, or null for ENCODE JSON. */
  sinks: { keyFormat: string | null }[];
  /** The registry's serving cache (redis.kind hash). */
  cacheTemplate: string | null;
  /** The event-time column the JSON sink writes into each value, for the newest value's age. */
  timestampColumn?: string | null;
};

/** A key template's literal pieces: `order_features:{customer_id}` → `order_features:`, `` (one wildcard). */
export function templatePieces(template: string): string[] {
  const pieces = [""];
  let last = 0;
  for (const match of template.matchAll(/\\([{}])|\{[a-zA-Z_][a-zA-Z0-9_]*\}/g)) {
    pieces[pieces.length - 1] += template.slice(last, match.index) + (match[1] ?? "");
    if (!match[1]) pieces.push("");
    last = (match.index ?? 0) + match[0].length;
  }
  pieces[pieces.length - 1] += template.slice(last);
  return pieces;
}

/** The JSON sink's key shape: `{"category":<value>,"user_id":<value>}`, key columns sorted by name (§11.1). */
function jsonPieces(columns: string[]): string[] {
  const sorted = [...columns].sort();
  return sorted.map((column, index) => `${index === 0 ? "{" : ","}${JSON.stringify(column)}:`).concat("}");
}

/**
 * Whether `key` has the shape: a glob match where every wildcard may be empty. The first piece is a
 * prefix, the last a suffix, and each middle piece is found leftmost after the previous one; leftmost
 * is always safe for `*`-only globs, so this is linear in the key's length (no backtracking).
 */
export function matchesPieces(pieces: string[], key: string): boolean {
  const first = pieces[0] ?? "";
  if (pieces.length === 1) return key === first;
  const lastPiece = pieces[pieces.length - 1] ?? "";
  if (!key.startsWith(first) || !key.endsWith(lastPiece) || key.length < first.length + lastPiece.length) return false;
  let position = first.length;
  const end = key.length - lastPiece.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = key.indexOf(piece, position);
    if (found < 0 || found + piece.length > end) return false;
    position = found + piece.length;
  }
  return true;
}

/** How specific a shape is: its literal length (the most specific shape claims a key first). */
export const specificity = (pattern: KeyPattern) => pattern.pieces.join("").length;

/** Every distinct key shape across groups, each with the groups that write it. */
export function keyPatterns(sources: GroupKeySources[]): KeyPattern[] {
  const byShape = new Map<string, KeyPattern>();
  const add = (pieces: string[], role: KeyPattern["role"], group: string) => {
    const id = JSON.stringify(pieces);
    const existing = byShape.get(id);
    if (existing) {
      if (!existing.groups.includes(group)) existing.groups.push(group);
      return;
    }
    byShape.set(id, { glob: pieces.join("*"), pieces, role, groups: [group] });
  };
  for (const source of sources) {
    for (const sink of source.sinks) {
      if (sink.keyFormat) add(templatePieces(sink.keyFormat), "template-sink", source.group);
      else if (source.keyColumns.length > 0) add(jsonPieces(source.keyColumns), "json-sink", source.group);
    }
    if (source.cacheTemplate) add(templatePieces(source.cacheTemplate), "cache", source.group);
  }
  return [...byShape.values()];
}

/**
 * Whether two shapes can produce the same key (wildcards match any text): a search over the
 * product of the two globs, linear in the product of their lengths.
 */
export function shapesOverlap(a: string[], b: string[]): boolean {
  const tokens = (pieces: string[]) => pieces.flatMap((piece, index) => [...piece].concat(index < pieces.length - 1 ? ["*"] : []));
  const left = tokens(a);
  const right = tokens(b);
  const seen = new Set<string>();
  const stack: [number, number][] = [[0, 0]];
  while (stack.length > 0) {
    const [i, j] = stack.pop() as [number, number];
    const id = `${i},${j}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (i === left.length && j === right.length) return true;
    const x = left[i];
    const y = right[j];
    if (x === "*") stack.push([i + 1, j]); // the wildcard ends here
    if (y === "*") stack.push([i, j + 1]);
    if (x !== undefined && y !== undefined) {
      if (x === "*" && y !== "*")
        stack.push([i, j + 1]); // the wildcard takes y's character
      else if (y === "*" && x !== "*") stack.push([i + 1, j]);
      else if (x === y) stack.push([i + 1, j + 1]);
    }
  }
  return false;
}
