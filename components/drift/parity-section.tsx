import { TableHead } from "@/components/ui/table-head";
import type { Parity } from "@/lib/drift/measure";
import { DriftStatusBadge } from "./drift-status";

const percent = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)} %`);

/** Key-by-key parity of the sampled entities: RisingWave against every Redis key of the group. */
export function ParitySection({ parity }: { parity: Parity }) {
  const worst = Object.entries(parity.byFeature).sort((a, b) => b[1] - a[1]);
  return (
    <section aria-labelledby="parity-heading" className="mt-6">
      <h2 id="parity-heading" className="mb-2 text-base font-semibold">
        Parity: RisingWave ↔ Redis, key by key <DriftStatusBadge status={parity.status} />
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {parity.sampled} entities sampled; {parity.mismatched} with a Redis value that differs, is missing or has the wrong type (
        {percent(parity.mismatchRate)}).
        {worst.length > 0
          ? ` Most often: ${worst
              .slice(0, 3)
              .map(([feature, count]) => `${feature} (${count})`)
              .join(", ")}.`
          : ""}
      </p>
      {parity.examples.length > 0 ? (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Examples of entities whose Redis value disagrees with RisingWave</caption>
            <TableHead columns={["Entity", "Feature", "Redis key of", "RisingWave", "Redis", "Why"]} />
            <tbody>
              {parity.examples.map((example, index) => (
                <tr key={index} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="px-2 py-1 font-mono text-xs">
                    {Object.entries(example.key)
                      .map(([column, value]) => `${column}=${value}`)
                      .join(", ")}
                  </td>
                  <td className="px-2 py-1">{example.feature}</td>
                  <td className="px-2 py-1">{example.layer}</td>
                  <td className="px-2 py-1 font-mono text-xs">{example.risingwave ?? "NULL"}</td>
                  <td className="px-2 py-1 font-mono text-xs">{example.redis ?? "–"}</td>
                  <td className="px-2 py-1 text-xs">{example.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
