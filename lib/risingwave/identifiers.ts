/** A quoted SQL identifier; names come from the registry or rw_catalog, never from a request. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
