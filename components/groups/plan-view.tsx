import { TableHead } from "@/components/ui/table-head";
import type { ChangePlan } from "@/lib/groups/plan";
import { describePlanValue } from "@/lib/groups/plan-text";
import { errorTextClass } from "@/components/ui/surface";

/** Exactly what a save will change, field by field and feature by feature. */
export function PlanView({ plan }: { plan: ChangePlan }) {
  if (plan.kind === "unchanged")
    return <p className="text-sm text-slate-600 dark:text-slate-400">No changes: {plan.name} is already stored exactly like this.</p>;
  const { added, removed, changed, reordered } = plan.features;
  return (
    <div className="space-y-3 text-sm" aria-label={`Plan for ${plan.name}`}>
      <p className="font-medium">
        {plan.kind === "create" ? "Create" : "Update"} <code>{plan.name}</code>
      </p>
      {plan.fields.length > 0 ? (
        <table className="w-full text-left">
          <TableHead columns={["Field", "Before", "After"]} />
          <tbody>
            {plan.fields.map((change) => (
              <tr key={change.field}>
                <td className="py-1 pr-3 font-mono text-xs">{change.field}</td>
                <td className="py-1 pr-3 font-mono text-xs text-red-700 line-through decoration-red-400 dark:text-red-400">
                  {plan.kind === "create" ? "" : describePlanValue(change.field, change.before)}
                </td>
                <td className="py-1 font-mono text-xs text-emerald-700 dark:text-emerald-400">
                  {describePlanValue(change.field, change.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ul className="space-y-1">
        {added.map((name) => (
          <li key={`+${name}`} className="font-mono text-xs text-emerald-700 dark:text-emerald-400">
            + feature {name}
          </li>
        ))}
        {removed.map((name) => (
          <li key={`-${name}`} className={`font-mono text-xs ${errorTextClass}`}>
            − feature {name}
          </li>
        ))}
        {changed.map((feature) => (
          <li key={`~${feature.name}`} className="font-mono text-xs text-amber-700 dark:text-amber-400">
            ~ feature {feature.name}:{" "}
            {feature.changes
              .map(
                (change) =>
                  `${change.field} ${describePlanValue(change.field, change.before)} → ${describePlanValue(change.field, change.after)}`,
              )
              .join(", ")}
          </li>
        ))}
        {reordered ? <li className="text-xs text-slate-600 dark:text-slate-400">Feature order changes.</li> : null}
      </ul>
    </div>
  );
}
