import type { Cell, CellState } from "@/lib/lookup/compare";
import type { LookupResult } from "@/lib/lookup/lookup";
import { formatDateTime, formatDuration } from "@/lib/format";
import { CopyJsonButton } from "./copy-json-button";
import { cardClass, errorTextClass } from "@/components/ui/surface";

const CELL_TONES: Record<CellState, string> = {
  source: "",
  equal: "text-emerald-800 dark:text-emerald-300",
  expected: "text-slate-600 dark:text-slate-300",
  different: "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200",
  missing: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  type_mismatch: "bg-fuchsia-50 text-fuchsia-900 dark:bg-fuchsia-950 dark:text-fuchsia-200",
};
const STATE_LABEL: Record<CellState, string> = {
  source: "source",
  equal: "equal",
  expected: "expected difference",
  different: "different",
  missing: "missing",
  type_mismatch: "type mismatch",
};

/** A layer's value and, unless it is the source, how it compares and why. */
function CellText({ cell }: { cell: Cell }) {
  return (
    <>
      <span className="block break-all font-mono">{cell.value ?? "—"}</span>
      {cell.state !== "source" ? (
        <span className="block text-xs">
          {STATE_LABEL[cell.state]}
          {cell.explanation ? `: ${cell.explanation}` : ""}
        </span>
      ) : null}
    </>
  );
}

/** The layers side by side: one column per layer, one row per feature, disagreements explained. */
export function LookupResultView({ result, apiHref }: { result: LookupResult; apiHref: string }) {
  const counts = new Map<CellState, number>();
  for (const feature of result.features)
    for (const cell of Object.values(feature.cells)) counts.set(cell.state, (counts.get(cell.state) ?? 0) + 1);
  const problems = (counts.get("different") ?? 0) + (counts.get("missing") ?? 0) + (counts.get("type_mismatch") ?? 0);
  const expected = counts.get("expected") ?? 0;
  return (
    <section aria-label="Lookup result" className="mt-6 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" className="text-sm">
          <span className="font-mono">{result.group}</span> ·{" "}
          {Object.entries(result.key)
            .map(([column, value]) => `${column} = ${value}`)
            .join(", ")}
          {result.at ? ` · snapshot as of ${formatDateTime(result.at)}, RisingWave and Redis now` : ""} ·{" "}
          {problems === 0 ? (
            <span className="text-emerald-700 dark:text-emerald-400">no real disagreement</span>
          ) : (
            <span className={`font-semibold ${errorTextClass}`}>
              {problems} disagreement{problems === 1 ? "" : "s"}
            </span>
          )}
          {expected > 0 ? (
            <span className="text-slate-600 dark:text-slate-400">
              {" "}
              · {expected} expected difference{expected === 1 ? "" : "s"} (a snapshot older than the last update, sink lag within the SLA)
            </span>
          ) : null}
        </p>
        <div className="flex gap-2">
          <CopyJsonButton json={JSON.stringify(result, null, 2)} />
          <a className="self-center text-sm text-tide-700 underline dark:text-tide-400" href={apiHref}>
            API
          </a>
        </div>
      </div>
      {/* Phones: a card per feature with every layer's value under it, instead of a table to scroll. */}
      <ul className="space-y-3 sm:hidden" aria-label="Feature values by layer (cards)">
        {result.features.map((feature) => (
          <li key={feature.name} className={cardClass()}>
            <p className="mb-2">
              <span className="font-mono">{feature.name}</span> <span className="text-xs text-slate-500">{feature.dtype}</span>
            </p>
            <dl className="space-y-1.5 text-sm">
              {result.layers.map((layer) => {
                const cell = feature.cells[layer.id];
                return cell ? (
                  <div key={layer.id} className={`rounded p-1.5 ${CELL_TONES[cell.state]}`}>
                    <dt className="text-xs text-slate-600 dark:text-slate-300">{layer.label}</dt>
                    <dd>
                      <CellText cell={cell} />
                    </dd>
                  </div>
                ) : null;
              })}
            </dl>
          </li>
        ))}
      </ul>
      <div className={`hidden sm:block ${cardClass(false)}`}>
        <table className="w-full min-w-[48rem] text-sm" aria-label="Feature values by layer">
          <thead>
            <tr className="border-b border-slate-200 text-left align-top dark:border-slate-800">
              <th scope="col" className="p-2 font-medium">
                Feature
              </th>
              {result.layers.map((layer) => (
                <th key={layer.id} scope="col" className="p-2 font-medium" data-layer={layer.id}>
                  <span className="block">
                    {layer.label}
                    {result.at && layer.kind !== "archive" ? <span className="font-normal text-slate-500"> · now</span> : null}
                  </span>
                  <span
                    className={`block text-xs font-normal ${layer.status === "found" ? "text-slate-500" : "text-amber-700 dark:text-amber-400"}`}
                  >
                    {layer.status === "found" ? "found" : layer.status === "error" ? `error: ${layer.error}` : "not found"}
                    {layer.key ? (
                      <>
                        {" "}
                        · <code className="break-all">{layer.key}</code>
                      </>
                    ) : null}
                    {layer.redisType && layer.redisType !== "none" ? ` · ${layer.redisType}` : ""}
                    {layer.ttlSeconds !== undefined && layer.status === "found"
                      ? ` · TTL ${layer.ttlSeconds === null ? "none" : formatDuration(layer.ttlSeconds)}`
                      : ""}
                    {layer.ageSeconds !== undefined && layer.ageSeconds !== null ? ` · age ${formatDuration(layer.ageSeconds)}` : ""}
                    {layer.takenAt ? ` · taken ${layer.takenAt}` : ""}
                  </span>
                  {layer.detail && layer.status !== "found" ? (
                    <span className="block text-xs font-normal text-slate-500">{layer.detail}</span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.features.map((feature) => (
              <tr
                key={feature.name}
                className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800"
                data-feature={feature.name}
              >
                <th scope="row" className="p-2 text-left font-normal">
                  <span className="font-mono">{feature.name}</span> <span className="text-xs text-slate-500">{feature.dtype}</span>
                </th>
                {result.layers.map((layer) => {
                  const cell = feature.cells[layer.id];
                  if (!cell) return <td key={layer.id} />;
                  return (
                    <td key={layer.id} className={`p-2 ${CELL_TONES[cell.state]}`} data-layer={layer.id} data-state={cell.state}>
                      <CellText cell={cell} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
