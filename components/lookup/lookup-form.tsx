"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { LookupGroupOption } from "@/lib/lookup/lookup";
import { Field, inputClass } from "@/components/form/field";
import { buttonClass } from "@/components/ui/button-link";
import { cardClass } from "@/components/ui/surface";

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
  const [at, setAt] = useState(initial.at.replace("T", " ").replace(/Z$/, ""));
  const columns = groups.find((group) => group.name === groupName)?.keys ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams({ group: groupName });
    if (columns.length === 0) params.set("key", key.key ?? "");
    for (const column of columns) params.set(`key.${column}`, key[column] ?? "");
    // Typed as UTC "YYYY-MM-DD HH:MM[:SS]"; the server reads a time without an offset as UTC.
    if (at.trim()) params.set("at", at.trim().replace(" ", "T"));
    router.push(`/lookup?${params}`);
  };
  return (
    <form onSubmit={submit} className={`flex flex-wrap items-end gap-3 ${cardClass()}`} aria-label="Entity lookup">
      <Field label="Feature group" compact>
        <select className={inputClass(true)} value={groupName} onChange={(event) => setGroupName(event.target.value)}>
          {groups.map((group) => (
            <option key={group.name}>{group.name}</option>
          ))}
        </select>
      </Field>
      {(columns.length > 0 ? columns : ["key"]).map((column) => (
        <Field key={column} label={column} compact>
          <input
            className={`${inputClass(true)} w-40 font-mono`}
            required
            value={key[column] ?? ""}
            onChange={(event) => setKey({ ...key, [column]: event.target.value })}
          />
        </Field>
      ))}
      <Field
        label="Snapshot as of (UTC, optional)"
        hint="Picks the archive snapshot taken at or before this time; RisingWave and Redis always show their current values."
        compact
        className="max-w-xs"
      >
        <input
          className={`${inputClass(true)} w-48 font-mono`}
          placeholder="2026-11-24 10:00:00"
          pattern="\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?"
          title="UTC, as YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS"
          value={at}
          onChange={(event) => setAt(event.target.value)}
        />
      </Field>
      <button type="submit" className={buttonClass("primary")}>
        Look up
      </button>
    </form>
  );
}
