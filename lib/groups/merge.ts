/** Plain data (JSON-like) equal in value, whatever the key order. Runs in the browser: no node:util. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Definition)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Definition)[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => same((a as Definition)[key], (b as Definition)[key]));
}

/** A definition as plain data (parsed or as a form produced it). */
type Definition = Record<string, unknown>;

/**
 * Three-way merge of a definition after a conflicting save: `base` is the version the editor loaded,
 * `mine` their edits, `theirs` what was saved meanwhile. A field only one side changed takes that
 * side; a field both changed differently keeps mine and is named in `conflicts`. Pure.
 */
export function mergeDefinitions(base: Definition, mine: Definition, theirs: Definition): { merged: Definition; conflicts: string[] } {
  const merged: Definition = {};
  const conflicts: string[] = [];
  for (const field of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
    const [was, edited, saved] = [base[field], mine[field], theirs[field]];
    if (same(edited, was)) merged[field] = saved;
    else if (same(saved, was) || same(saved, edited)) merged[field] = edited;
    else {
      merged[field] = edited;
      conflicts.push(field);
    }
  }
  for (const field of Object.keys(merged)) if (merged[field] === undefined) delete merged[field];
  return { merged, conflicts };
}
