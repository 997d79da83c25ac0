// Where a group's keys live in Redis as a whole: one pattern per sink key shape and per cache
// template, for the Redis stats walk. The same rules as resolve.ts, with placeholders as wildcards.

export type KeyPattern = {
  /** Redis-style glob, for display (`features:user:*`, `{"user_id":*}`). */
  glob: string;
  regex: RegExp;
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
};

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A key template's placeholders become wildcards: `order_features:{customer_id}` → `order_features:*`. */
function templateShape(template: string): { glob: string; regex: string } {
  let glob = "";
  let regex = "";
  let last = 0;
  for (const match of template.matchAll(/\\([{}])|\{[a-zA-Z_][a-zA-Z0-9_]*\}/g)) {
    const literal = template.slice(last, match.index);
    glob += literal;
    regex += escapeRegex(literal);
    if (match[1]) {
      glob += match[1];
      regex += escapeRegex(match[1]);
    } else {
      glob += "*";
      regex += ".*?";
    }
    last = (match.index ?? 0) + match[0].length;
  }
  glob += template.slice(last);
  regex += escapeRegex(template.slice(last));
  return { glob, regex };
}

/** The JSON sink's key shape: `{"category":<value>,"user_id":<value>}`, key columns sorted by name (§11.1). */
function jsonShape(columns: string[]): { glob: string; regex: string } {
  const sorted = [...columns].sort();
  return {
    glob: `{${sorted.map((column) => `"${column}":*`).join(",")}}`,
    regex: `\\{${sorted.map((column) => `${escapeRegex(JSON.stringify(column))}:.*?`).join(",")}\\}`,
  };
}

/** Every distinct key shape across groups, each with the groups that write it. */
export function keyPatterns(sources: GroupKeySources[]): KeyPattern[] {
  const byShape = new Map<string, KeyPattern>();
  const add = (shape: { glob: string; regex: string }, role: KeyPattern["role"], group: string) => {
    const existing = byShape.get(shape.regex);
    if (existing) {
      if (!existing.groups.includes(group)) existing.groups.push(group);
      return;
    }
    byShape.set(shape.regex, { glob: shape.glob, regex: new RegExp(`^${shape.regex}$`, "s"), role, groups: [group] });
  };
  for (const source of sources) {
    for (const sink of source.sinks) {
      if (sink.keyFormat) add(templateShape(sink.keyFormat), "template-sink", source.group);
      else if (source.keyColumns.length > 0) add(jsonShape(source.keyColumns), "json-sink", source.group);
    }
    if (source.cacheTemplate) add(templateShape(source.cacheTemplate), "cache", source.group);
  }
  return [...byShape.values()];
}
