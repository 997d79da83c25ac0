import Link from "next/link";

/** Tabs as links (?tab=... or another parameter), so each tab has a URL and the back button works. */
export function TabLinks({
  tabs,
  active,
  basePath,
  param = "tab",
}: {
  tabs: { id: string; label: string }[];
  active: string;
  basePath: string;
  param?: string;
}) {
  return (
    <nav aria-label="Sections" className="mb-4 flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          href={tab.id === tabs[0]?.id ? basePath : `${basePath}?${param}=${tab.id}`}
          aria-current={tab.id === active ? "page" : undefined}
          className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
            tab.id === active
              ? "border-tide-600 text-tide-700 dark:text-tide-400"
              : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
