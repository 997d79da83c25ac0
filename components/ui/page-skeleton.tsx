/** What a page shows while it waits on its backends (each route's loading.tsx). */
export function PageSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading" className="animate-pulse space-y-4">
      <div className="h-8 w-48 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-24 rounded-lg bg-slate-200 dark:bg-slate-800" />
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="h-12 rounded bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}
