"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import type { GroupSearch } from "@/lib/schemas/group-search";
import { SORTS } from "@/lib/schemas/group-search";

type Facets = { owners: string[]; entities: string[]; tags: string[] };

const inputClass =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-tide-500 dark:border-slate-600 dark:bg-slate-900";

/**
 * A plain GET form, so the URL is the state (shareable, back button works, works without JS);
 * with JS, changing a filter applies it at once.
 */
export function GroupFilters({ query, facets }: { query: GroupSearch; facets: Facets }) {
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const apply = () => {
    if (!form.current) return;
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form.current)) if (typeof value === "string" && value !== "") params.set(key, value);
    router.push(`/groups?${params.toString()}`);
  };
  const select = (name: keyof GroupSearch, label: string, options: readonly string[], value: string | number | undefined, any = "Any") => (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      {label}
      <select name={name} defaultValue={value ?? ""} onChange={apply} className={inputClass}>
        {any ? <option value="">{any}</option> : null}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form
      ref={form}
      role="search"
      action="/groups"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-7 dark:border-slate-800 dark:bg-slate-900"
    >
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 sm:col-span-2 lg:col-span-2 dark:text-slate-400">
        Search
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder="Groups, features, descriptions, tags…"
          className={inputClass}
        />
      </label>
      {select("owner", "Owner", facets.owners, query.owner)}
      {select("entity", "Entity", facets.entities, query.entity)}
      {select("tag", "Tag", facets.tags, query.tag)}
      {select("status", "Status", ["active", "draft", "deprecated"], query.status)}
      <div className="flex items-end gap-2">
        {select("sort", "Sort", SORTS, query.sort, "Best")}
        <input type="hidden" name="size" value={query.size === 25 ? "" : query.size} />
        <button
          type="submit"
          className="rounded-md bg-tide-600 px-3 py-2 text-sm font-medium text-white hover:bg-tide-700 focus-visible:outline-2 focus-visible:outline-tide-500"
        >
          Search
        </button>
      </div>
    </form>
  );
}
