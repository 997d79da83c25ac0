import type { Issue } from "../errors";
import type { FeatureGroupDefinition } from "../schemas/feature-group";
import { dtypeOfColumn, isCompatible } from "./dtypes";

/** A column of a live materialized view, as rw_catalog.rw_columns describes it. */
export type LiveColumn = { name: string; dataType: string; isPrimaryKey: boolean };

export type SchemaRow =
  | { status: "ok"; feature: string; dtype: string; dataType: string }
  | { status: "dtype-mismatch"; feature: string; dtype: string; dataType: string; expected: string | null }
  | { status: "missing"; feature: string; dtype: string }
  | { status: "extra"; column: string; dataType: string; suggestedDtype: string | null };

export type SchemaProblem = { kind: "missing-key" | "missing-timestamp"; column: string };

export type SchemaCheck =
  | { status: "mv-missing"; materializedView: string }
  | { status: "ok" | "mismatch"; materializedView: string; rows: SchemaRow[]; problems: SchemaProblem[] };

/**
 * Declared features next to the MV's real columns: missing columns, dtype mismatches, and columns
 * the definition does not declare (extra: informational, key columns excluded). Pure.
 */
export function checkSchema(
  definition: Pick<FeatureGroupDefinition, "materialized_view" | "features" | "entity" | "timestamp_column">,
  columns: LiveColumn[] | null,
): SchemaCheck {
  const mv = definition.materialized_view;
  if (!columns) return { status: "mv-missing", materializedView: mv };
  const byName = new Map(columns.map((column) => [column.name, column]));
  const keys = new Set(definition.entity?.keys ?? columns.filter((column) => column.isPrimaryKey).map((column) => column.name));
  const rows: SchemaRow[] = definition.features.map((feature) => {
    const column = byName.get(feature.name);
    if (!column) return { status: "missing", feature: feature.name, dtype: feature.dtype };
    return isCompatible(feature.dtype, column.dataType)
      ? { status: "ok", feature: feature.name, dtype: feature.dtype, dataType: column.dataType }
      : {
          status: "dtype-mismatch",
          feature: feature.name,
          dtype: feature.dtype,
          dataType: column.dataType,
          expected: dtypeOfColumn(column.dataType),
        };
  });
  const declared = new Set(definition.features.map((feature) => feature.name));
  for (const column of columns) {
    if (!declared.has(column.name) && !keys.has(column.name)) {
      rows.push({ status: "extra", column: column.name, dataType: column.dataType, suggestedDtype: dtypeOfColumn(column.dataType) });
    }
  }
  const problems: SchemaProblem[] = [];
  for (const key of definition.entity?.keys ?? []) if (!byName.has(key)) problems.push({ kind: "missing-key", column: key });
  if (definition.timestamp_column && !byName.has(definition.timestamp_column))
    problems.push({ kind: "missing-timestamp", column: definition.timestamp_column });
  const failing = rows.some((row) => row.status === "missing" || row.status === "dtype-mismatch") || problems.length > 0;
  return { status: failing ? "mismatch" : "ok", materializedView: mv, rows, problems };
}

/** One line per failing item, for the CLI and API messages. */
export function describeProblems(check: SchemaCheck): string[] {
  if (check.status === "mv-missing") return [`materialized view ${check.materializedView} does not exist in RisingWave`];
  const lines: string[] = [];
  for (const row of check.rows) {
    if (row.status === "missing") lines.push(`feature ${row.feature}: no column ${row.feature} in ${check.materializedView}`);
    if (row.status === "dtype-mismatch")
      lines.push(
        `feature ${row.feature}: declared ${row.dtype}, column ${row.feature} is ${row.dataType}${row.expected ? ` (${row.expected})` : ""}`,
      );
  }
  for (const problem of check.problems) {
    lines.push(
      problem.kind === "missing-key"
        ? `entity key ${problem.column}: no such column in ${check.materializedView}`
        : `timestamp_column ${problem.column}: no such column in ${check.materializedView}`,
    );
  }
  return lines;
}

/**
 * A failing check as issues on the definition's own paths (features.2.dtype, entity.keys, …), so a
 * form puts each next to its field and an import names its line. Extra columns are not issues.
 */
export function schemaIssues(definition: Pick<FeatureGroupDefinition, "features">, check: SchemaCheck): Issue[] {
  if (check.status === "mv-missing")
    return [
      {
        path: "materialized_view",
        message: `no materialized view ${check.materializedView} in RisingWave (status planned registers a group before its MV exists)`,
      },
    ];
  const indexOf = new Map(definition.features.map((feature, index) => [feature.name, index]));
  const issues: Issue[] = [];
  for (const row of check.rows) {
    if (row.status === "missing")
      issues.push({ path: `features.${indexOf.get(row.feature)}.name`, message: `${check.materializedView} has no column ${row.feature}` });
    if (row.status === "dtype-mismatch")
      issues.push({
        path: `features.${indexOf.get(row.feature)}.dtype`,
        message: `column ${row.feature} is ${row.dataType}${row.expected ? `: declare ${row.expected}` : ""}`,
      });
  }
  for (const problem of check.problems)
    issues.push({
      path: problem.kind === "missing-key" ? "entity.keys" : "timestamp_column",
      message: `${check.materializedView} has no column ${problem.column}`,
    });
  return issues;
}
