"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { GroupSearch } from "@/lib/schemas/group-search";
import { SORTS } from "@/lib/schemas/group-search";
import { GROUP_STATUSES } from "@/lib/schemas/feature-group";
import { Field, inputClass } from "@/components/form/field";
import { buttonClass } from "@/components/ui/button-link";
import { cardClass } from "@/components/ui/surface";

type Facets = { owners: string[]; entities: string[]; tags: string[] };

/**
 * A plain GET form, so the URL is the state (shareable, back button works, works without JS);
 * with JS, changing a filter applies it at once.
 */
/** Set by a search: the form re-mounts with the new URL, and focus returns to where the user was. */
let refocus: string | null = null;

export function GroupFilters({ query, facets }: { query: GroupSearch; facets: Facets }) {
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  useEffect(() => {
    if (!refocus || !form.current) return;
    (form.current.elements.namedItem(refocus) as HTMLElement | null)?.focus();
    refocus = null;
  }, []);
  const apply = () => {
    if (!form.current) return;
    refocus = (document.activeElement as HTMLInputElement | null)?.name || "q";
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form.current)) if (typeof value === "string" && value !== "") params.set(key, value);
    router.push(`/groups?${params.toString()}`);
  };
  const select = (name: keyof GroupSearch, label: string, options: readonly string[], value: string | number | undefined, any = "Any") => (
    <Field label={label} compact>
      <select name={name} defaultValue={value ?? ""} onChange={apply} className={inputClass()}>
        {any ? <option value="">{any}</option> : null}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </Field>
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
      className={`mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-8 ${cardClass()}`}
    >
      <Field label="Search" compact className="sm:col-span-2 lg:col-span-2">
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder="Groups, features, descriptions, tags…"
          className={inputClass()}
        />
      </Field>
      {select("owner", "Owner", facets.owners, query.owner)}
      {select("entity", "Entity", facets.entities, query.entity)}
      {select("tag", "Tag", facets.tags, query.tag)}
      {select("status", "Status", GROUP_STATUSES, query.status)}
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-2 [&>*:first-child]:flex-1">
        {select("sort", "Sort", SORTS, query.sort ?? (query.q ? "relevance" : "name"), "")}
        <input type="hidden" name="size" value={query.size === 25 ? "" : query.size} />
        <button type="submit" className={buttonClass("primary")}>
          Search
        </button>
      </div>
    </form>
  );
}
