// The text-checkable rules of docs/reference/risingwave-sql.md: SQL PostgreSQL accepts and RisingWave
// v3.0.3 rejects (or answers differently). Run over every statement the tests sent to RisingWave.

export type Violation = { rule: string; sql: string };

/**
 * The statement without string literals, quoted identifiers' contents and comments (so a name or a
 * value cannot trip a rule). Identifiers read from rw_catalog are always quoted (quoteIdent), so a
 * `"public".` came from rw_schemas; a bare `public.` was written into the code.
 */
function code(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, " ")
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '"x"');
}

const RULES: { rule: string; pattern: RegExp }[] = [
  {
    rule: "LIMIT/OFFSET/FETCH take a literal, never a parameter (7c, 7d)",
    pattern: /\b(LIMIT|OFFSET)\s+\$\d|\bFETCH\s+(FIRST|NEXT)\s+\$\d/i,
  },
  { rule: "no WITH RECURSIVE (1b)", pattern: /\bWITH\s+RECURSIVE\b/i },
  { rule: "no [NOT] MATERIALIZED CTE (1a)", pattern: /\bAS\s+(NOT\s+)?MATERIALIZED\s*\(/i },
  { rule: "schema from rw_schemas, never a hard-coded public. (§11.11)", pattern: /(^|[^\w.])public\s*\./i },
  { rule: "no json type or json_* functions: jsonb only (6b)", pattern: /\b(json_\w+|to_json|row_to_json)\s*\(|::\s*json\b/i },
  { rule: "no ~* / !~* (9d)", pattern: /!?~\*/ },
  {
    rule: "no CURRENT_DATE, LOCALTIMESTAMP, CURRENT_TIME, clock_timestamp(), age(), make_interval(), justify_*() (8i)",
    pattern: /\b(CURRENT_DATE|LOCALTIMESTAMP|CURRENT_TIME)\b(?!STAMP)|\b(clock_timestamp|age|make_interval|justify_\w+)\s*\(/i,
  },
  {
    rule: "window functions: no ntile, percent_rank, cume_dist, nth_value (2e)",
    pattern: /\b(ntile|percent_rank|cume_dist|nth_value)\s*\(/i,
  },
  { rule: "no EXCEPT ALL / INTERSECT ALL (10e)", pattern: /\b(EXCEPT|INTERSECT)\s+ALL\b/i },
  { rule: "NOT IN (subquery) differs: use NOT EXISTS (10g)", pattern: /\bNOT\s+IN\s*\(\s*SELECT\b/i },
  { rule: "no op ANY/ALL (subquery) (10h)", pattern: /\b(ANY|SOME|ALL)\s*\(\s*SELECT\b/i },
  { rule: "LATERAL takes a subquery, not a function (4b)", pattern: /\bLATERAL\s+(?!\()\w+\s*\(/i },
  {
    rule: "not in RisingWave: regexp_split_to_table, every, width_bucket, pg_size_pretty, to_char, approx_* (16)",
    pattern: /\b(regexp_split_to_table|every|width_bucket|pg_size_pretty|to_char|approx_\w+)\s*\(/i,
  },
  { rule: "no FOR UPDATE/SHARE, TABLESAMPLE, SET LOCAL (16, 13)", pattern: /\bFOR\s+(UPDATE|SHARE)\b|\bTABLESAMPLE\b|\bSET\s+LOCAL\b/i },
  { rule: "ILIKE has no ESCAPE (9b)", pattern: /\bILIKE\s+[^,;]*?\bESCAPE\b/i },
  { rule: "format() knows %s and %I only (9g)", pattern: /\bformat\s*\([^)]*%L/i },
];

/** Splits at top level (outside parentheses) on a separator regex. */
function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (depth === 0) {
      const match = separator.exec(text.slice(index));
      if (match && match.index === 0 && (index === 0 || /\W/.test(text[index - 1] ?? ""))) {
        parts.push(text.slice(start, index));
        index += match[0].length - 1;
        start = index + 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** A chain of three or more set-operation branches must cast every select-list item (10d, §11.10). */
function uncastBranches(sql: string): boolean {
  const branches = splitTopLevel(sql, /^(UNION|EXCEPT|INTERSECT)(\s+ALL)?\b/i);
  if (branches.length < 3) return false;
  return branches.some((branch) => {
    const list = /\bSELECT\s+(?:DISTINCT\s+)?([\s\S]*?)(?:\bFROM\b|$)/i.exec(branch.trim())?.[1] ?? "";
    return splitTopLevel(list, /^,/).some((item) => item.trim() !== "" && !/::\s*\w|\bCAST\s*\(/i.test(item));
  });
}

export function checkStatement(sql: string): Violation[] {
  const text = code(sql);
  const violations = RULES.filter(({ pattern }) => pattern.test(text)).map(({ rule }) => ({ rule, sql }));
  if (uncastBranches(text)) violations.push({ rule: "every branch of a chain of set operations cast to one type (10d, §11.10)", sql });
  return violations;
}
