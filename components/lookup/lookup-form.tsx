"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { LookupGroupOption } from "@/lib/lookup/lookup";
import { cardClass } from "@/components/ui/surface";

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

/** Group, one field per key column, optional time; the query goes into the URL so it can be shared. */
export function LookupForm({
  groups,
  initial,
}: {
  groups: LookupGroupOption[];
  initial: { group: string; key: Record<string, string>; at: string };
}) {
  const router = useRouter();
  const [groupName, setGroupName] = useState(initial.group || groups[0]?.name || "");
  const [key, setKey] = useState<Record<string, string>>(initial.key);
  const [at, setAt] = useState(initial.at);
  const columns = groups.find((group) => group.name === groupName)?.keys ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams({ group: groupName });
    if (columns.length === 0) params.set("key", key.key ?? "");
    for (const column of columns) params.set(`key.${column}`, key[column] ?? "");
    if (at) params.set("at", at);
    router.push(`/lookup?${params}`);
  };
  return (
    <form onSubmit={submit} className={`flex flex-wrap items-end gap-3 ${cardClass()}`} aria-label="Entity lookup">
      <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
        Feature group
        <select className={field} value={groupName} onChange={(event) => setGroupName(event.target.value)}>
          {groups.map((group) => (
            <option key={group.name}>{group.name}</option>
          ))}
        </select>
      </label>
      {(columns.length > 0 ? columns : ["key"]).map((column) => (
        <label key={column} className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
          {column}
          <input
            className={`${field} w-40 font-mono`}
            required
            value={key[column] ?? ""}
            onChange={(event) => setKey({ ...key, [column]: event.target.value })}
          />
        </label>
      ))}
      <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
        As of (UTC, optional)
        <input type="datetime-local" step={1} className={field} value={at} onChange={(event) => setAt(event.target.value)} />
      </label>
      <button type="submit" className="rounded-md bg-tide-600 px-3 py-2 text-sm font-medium text-white hover:bg-tide-700">
        Look up
      </button>
    </form>
  );
}
