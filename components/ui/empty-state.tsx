import type { ReactNode } from "react";

/** An honest placeholder: says what will be here and why it is empty now. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section
      className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center dark:border-slate-700 dark:bg-slate-900"
      aria-label={title}
    >
      <h2 className="text-lg font-medium">{title}</h2>
      <div className="mx-auto mt-2 max-w-xl text-sm text-slate-600 dark:text-slate-400">{children}</div>
      {action ? <div className="mt-4">{action}</div> : null}
    </section>
  );
}
