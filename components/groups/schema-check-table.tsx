import { TableHead } from "@/components/ui/table-head";
import type { SchemaCheck } from "@/lib/groups/schema-check";
import type { Availability } from "@/lib/health/availability";
import { UnavailableBanner } from "@/components/health/unavailable-banner";
import { errorTextClass } from "@/components/ui/surface";

const ROW_TONE = {
  ok: "text-emerald-700 dark:text-emerald-400",
  "dtype-mismatch": "text-red-700 dark:text-red-400",
  missing: "text-red-700 dark:text-red-400",
  extra: "text-slate-500 dark:text-slate-400",
} as const;

const LABEL = { ok: "match", "dtype-mismatch": "dtype mismatch", missing: "missing column", extra: "not declared" } as const;

/** Declared features next to the live MV's columns (rw_catalog.rw_columns). */
export function SchemaCheckTable({ check: live }: { check: Availability<SchemaCheck> }) {
  if (!live.ok) {
    return (
      <UnavailableBanner unavailable={live.unavailable} affects="The declared features cannot be compared with the MV's columns now." />
    );
  }
  const check = live.value;
  if (check.status === "mv-missing") {
    return (
      <p
        role="alert"
        className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-200"
      >
        Materialized view <code>{check.materializedView}</code> does not exist in RisingWave.
      </p>
    );
  }
  const failing = check.rows.filter((row) => row.status === "missing" || row.status === "dtype-mismatch").length + check.problems.length;
  return (
    <div>
      <p
        role="status"
        className={`mb-2 text-sm font-medium ${failing ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}
      >
        {failing ? `${failing} mismatch(es) with ${check.materializedView}` : `All declared features match ${check.materializedView}`}
      </p>
      {check.problems.map((problem) => (
        <p key={problem.column} className={`mb-2 text-sm ${errorTextClass}`}>
          {problem.kind === "missing-key" ? "Entity key" : "Timestamp column"} <code>{problem.column}</code> is not a column of{" "}
          {check.materializedView}.
        </p>
      ))}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[520px] text-left text-sm" aria-label="Live schema check">
          <TableHead columns={["Feature / column", "Declared dtype", "Column type in RisingWave", "Check"]} />
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {check.rows.map((row) => {
              const name = row.status === "extra" ? row.column : row.feature;
              return (
                <tr key={`${row.status}:${name}`} data-status={row.status}>
                  <td className="py-1.5 pr-4 font-mono text-xs">{name}</td>
                  <td className="py-1.5 pr-4 font-mono text-xs">
                    {row.status === "extra" ? `– (${row.suggestedDtype ?? "?"})` : row.dtype}
                  </td>
                  <td className="py-1.5 pr-4 font-mono text-xs">{row.status === "missing" ? "–" : row.dataType}</td>
                  <td className={`py-1.5 text-xs font-medium ${ROW_TONE[row.status]}`}>{LABEL[row.status]}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
