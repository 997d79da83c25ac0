/** A quoted SQL identifier; names come from the registry or rw_catalog, never from a request. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `"schema"."name"`: every MV is selected from its own schema, never a hard-coded `public` (§11.11). */
export function qualifiedName(relation: { schema: string; name: string }): string {
  return `${quoteIdent(relation.schema)}.${quoteIdent(relation.name)}`;
}

/** An entity's key columns as one text, `a|b`: the same in both databases for the key types MVs use. */
export const keyText = (keys: string[]) => `concat_ws('|', ${keys.map((key) => `${quoteIdent(key)}::varchar`).join(", ")})`;

/**
 * Rows first by md5 of their key: a spread of entities, the same ones each time (a scan's first rows
 * are not: PostgreSQL returns the least recently written, RisingWave its first vnodes).
 */
export const keySpreadOrder = (keys: string[]) => `ORDER BY md5(${keyText(keys)})`;
