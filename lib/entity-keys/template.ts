const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Reads a value written by a TEMPLATE sink back into columns: `a:{a},b:{b}` against `a:1,b:2`.
 * Placeholders match lazily between the literal parts; null when the value does not fit the format.
 */
export function parseTemplateValue(format: string, value: string): Record<string, string> | null {
  const columns: string[] = [];
  let pattern = "";
  let last = 0;
  for (const match of format.matchAll(/\\([{}])|\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g)) {
    pattern += escapeRegex(format.slice(last, match.index));
    if (match[1]) pattern += escapeRegex(match[1]);
    else {
      columns.push(match[2] as string);
      pattern += "(.*?)";
    }
    last = (match.index ?? 0) + match[0].length;
  }
  pattern += escapeRegex(format.slice(last));
  const found = new RegExp(`^${pattern}$`, "s").exec(value);
  if (!found) return null;
  return Object.fromEntries(columns.map((column, index) => [column, found[index + 1] as string]));
}
