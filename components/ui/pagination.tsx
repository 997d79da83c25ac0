import Link from "next/link";

/** Previous/next links that keep every other query parameter. */
export function Pagination({
  basePath,
  params,
  page,
  size,
  total,
}: {
  basePath: string;
  params: Record<string, string | number | undefined>;
  page: number;
  size: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  const href = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      if (value !== undefined && value !== "" && key !== "page") query.set(key, String(value));
    if (target > 1) query.set("page", String(target));
    return `${basePath}?${query.toString()}`;
  };
  const link = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  return (
    <nav
      aria-label="Pagination"
      className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400"
    >
      <p>
        {first}–{Math.min(page * size, total)} of {total}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        <span className="px-2 py-1.5">
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link className={link} href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
