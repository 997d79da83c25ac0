import "server-only";
import { keySpreadOrder, qualifiedName, quoteIdent } from "./identifiers";
import { queryRisingWave } from "./pool";

/**
 * A feature as the live side of drift reads it: numbers (and a timestamp's age in seconds) counted
 * over the training distribution's bin edges, categories over the training's top values.
 */
export type LiveDriftColumn =
  { name: string; kind: "numeric" | "age"; edges: number[] } | { name: string; kind: "categorical"; categories: string[] };

export type LiveNumericStats = {
  count: number;
  min: number | null;
  max: number | null;
  sum: number | null;
  sum2: number | null;
  bins: number[];
};
export type LiveCategoryStats = { count: number; top: number[] };
export type LiveDrift = {
  /** null: the MV is above the row cap, only the sample was read. */
  stats: { rows: number; columns: Record<string, LiveNumericStats | LiveCategoryStats> } | null;
  /** Up to `sampleSize` rows, every value as text; timestamps as epoch microseconds (one text form in both databases). */
  sample: Record<string, string | null>[];
};

/** jsonb_build_object takes at most 100 arguments: at most 50 columns in one object. */
export const MAX_DRIFT_COLUMNS = 50;
const TIME_TYPES = new Set(["timestamp with time zone", "timestamp without time zone"]);

/** A column's value as text for the sample: the same text whichever database answers. */
function sampleText(column: { name: string; dataType: string }): string {
  const ref = `s.${quoteIdent(column.name)}`;
  return TIME_TYPES.has(column.dataType) ? `(extract(epoch FROM ${ref}) * 1000000)::int8::varchar` : `${ref}::varchar`;
}

/**
 * One statement per group: the aggregates of every drift column over the whole MV (skipped when
 * `aggregate` is false: the MV is above the row cap) and `sampleSize` rows, as two branches of a
 * UNION ALL of (part, jsonb). With the aggregate (a full scan anyway) the sample is spread by key
 * (keySpreadOrder); above the cap, the first rows, unsorted. Only count / sum / min / max and FILTER (risingwave-sql.md
 * 5a); the deviation comes from the sums. Parameters: $1 the age reference (unix seconds), then each
 * edge and category; identifiers quoted; the sample size is a validated literal (LIMIT takes no $n).
 */
export function buildDriftStatement(
  mv: { schema: string; name: string },
  columns: LiveDriftColumn[],
  sampleColumns: { name: string; dataType: string }[],
  options: { aggregate: boolean; sampleSize: number; nowSeconds: number; sampleKeys: string[] },
): { sql: string; params: (number | string)[] } {
  const sampleSize = Math.max(1, Math.min(1_000, Math.floor(options.sampleSize)));
  const params: (number | string)[] = [options.nowSeconds];
  const param = (value: number | string, cast: "float8" | "varchar") => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const perColumn = columns.slice(0, MAX_DRIFT_COLUMNS).map((column) => {
    const ref = quoteIdent(column.name);
    if (column.kind === "categorical") {
      const value = `${ref}::varchar`;
      const top = column.categories.map((category) => `count(*) FILTER (WHERE ${value} = ${param(category, "varchar")})`);
      return `'${column.name.replace(/'/g, "''")}', jsonb_build_object('count', count(${value}), 'top', jsonb_build_array(${top.join(", ")}))`;
    }
    const value = column.kind === "age" ? `($1::float8 - extract(epoch FROM ${ref})::float8)` : `${ref}::float8`;
    const edges = column.edges.map((edge) => param(edge, "float8"));
    const bins =
      edges.length === 0
        ? [`count(${value})`]
        : [
            `count(*) FILTER (WHERE ${value} <= ${edges[0]})`,
            ...edges.slice(1).map((edge, index) => `count(*) FILTER (WHERE ${value} > ${edges[index]} AND ${value} <= ${edge})`),
            `count(*) FILTER (WHERE ${value} > ${edges[edges.length - 1]})`,
          ];
    return (
      `'${column.name.replace(/'/g, "''")}', jsonb_build_object('count', count(${value}), 'min', min(${value}), 'max', max(${value}), ` +
      `'sum', sum(${value}), 'sum2', sum(${value} * ${value}), 'bins', jsonb_build_array(${bins.join(", ")}))`
    );
  });
  const from = qualifiedName(mv);
  const stats = `SELECT 'stats'::varchar AS part, jsonb_build_object('at', $1::float8, 'rows', count(*), 'columns', jsonb_build_object(${perColumn.join(", ")})) AS body FROM ${from}`;
  const shown = sampleColumns.slice(0, MAX_DRIFT_COLUMNS);
  const row = `jsonb_build_object(${shown.map((column) => `'${column.name.replace(/'/g, "''")}', ${sampleText(column)}`).join(", ")})`;
  const spread = options.aggregate && options.sampleKeys.length > 0 ? ` ${keySpreadOrder(options.sampleKeys)}` : "";
  const sample = `SELECT 'row'::varchar AS part, ${row} AS body FROM (SELECT ${shown.map((column) => quoteIdent(column.name)).join(", ")} FROM ${from}${spread} LIMIT ${sampleSize}) AS s`;
  // Without the aggregate $1 still appears (every parameter must be used): in a constant-false filter of the sample.
  const sql = options.aggregate && perColumn.length > 0 ? `${stats}\nUNION ALL\n${sample}` : `${sample} WHERE $1::float8 IS NOT NULL`;
  return { sql, params: options.aggregate && perColumn.length > 0 ? params : [options.nowSeconds] };
}

const toNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Runs the group's drift statement and reads both parts back. */
export async function readLiveDrift(statement: { sql: string; params: (number | string)[] }): Promise<LiveDrift> {
  const rows = await queryRisingWave<{ part: string; body: Record<string, unknown> }>(statement.sql, statement.params);
  const statsRow = rows.find((row) => row.part === "stats")?.body as
    { rows: unknown; columns: Record<string, Record<string, unknown>> } | undefined;
  const columns: Record<string, LiveNumericStats | LiveCategoryStats> = {};
  for (const [name, raw] of Object.entries(statsRow?.columns ?? {})) {
    columns[name] = Array.isArray(raw.top)
      ? { count: Number(raw.count), top: (raw.top as unknown[]).map(Number) }
      : {
          count: Number(raw.count),
          min: toNumber(raw.min),
          max: toNumber(raw.max),
          sum: toNumber(raw.sum),
          sum2: toNumber(raw.sum2),
          bins: ((raw.bins as unknown[]) ?? []).map(Number),
        };
  }
  return {
    stats: statsRow ? { rows: Number(statsRow.rows), columns } : null,
    sample: rows.filter((row) => row.part === "row").map((row) => row.body as Record<string, string | null>),
  };
}
