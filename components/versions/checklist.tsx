import { cardClass } from "@/components/ui/surface";
import { MASK } from "@/lib/lineage/mask";
import type { ChecklistStep } from "@/lib/versions/checklist";

/** The switch's steps in order, each with its SQL (to run in RisingWave) and done as the catalog shows it. */
export function BlueGreenChecklist({ from, to, steps }: { from: string; to: string; steps: ChecklistStep[] }) {
  return (
    <section aria-labelledby="checklist-heading" className={`mt-6 ${cardClass()}`}>
      <h2 id="checklist-heading" className="mb-2 text-base font-semibold">
        From {from} to {to}, step by step
      </h2>
      <ol className="space-y-3 text-sm" aria-label="Blue-green steps">
        {steps.map((step, index) => (
          <li key={step.title} data-done={step.done}>
            <p>
              <span aria-hidden="true">{step.done ? "✓" : `${index + 1}.`}</span> {step.title}
              <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
            </p>
            {step.sql ? (
              <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800">
                {step.sql}
              </pre>
            ) : null}
            {step.sql?.includes(MASK) ? (
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                {MASK} stands for a credential Tideline does not show: put the real value in before you run it.
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
