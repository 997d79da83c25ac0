/** A quoted SQL identifier; names come from the registry or rw_catalog, never from a request. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `"schema"."name"`: every MV is selected from its own schema, never a hard-coded `public` (§11.11). */
export function qualifiedName(relation: { schema: string; name: string }): string {
  return `${quoteIdent(relation.schema)}.${quoteIdent(relation.name)}`;
}
