import { TableHead } from "@/components/ui/table-head";
import type { FeatureGroupDefinition } from "@/lib/schemas/feature-group";

export function FeatureTable({ features }: { features: FeatureGroupDefinition["features"] }) {
  return (
    <table className="w-full text-left text-sm">
      <TableHead columns={["Name", "Dtype", "Description"]} />
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {features.map((feature) => (
          <tr key={feature.name}>
            <td className="px-2 py-1.5 font-mono text-xs">{feature.name}</td>
            <td className="px-2 py-1.5 font-mono text-xs">{feature.dtype}</td>
            <td className="px-2 py-1.5 text-slate-700 dark:text-slate-300">{feature.description || "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
