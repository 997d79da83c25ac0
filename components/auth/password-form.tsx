"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";

const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

/** Change one's own password (the current one is required). */
export function PasswordForm({ change }: { change: (input: unknown) => Promise<ActionResult<null>> }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = Object.fromEntries(new FormData(target));
    startTransition(async () => {
      const result = await change(form);
      if (result.ok) target.reset();
      setMessage(
        result.ok
          ? { ok: true, text: "Password changed." }
          : { ok: false, text: result.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ") || result.error },
      );
    });
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Change password">
      {[
        ["current", "Current password"],
        ["next", "New password"],
        ["confirm", "New password again"],
      ].map(([name, label]) => (
        <label key={name} className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
          {label}
          <input
            name={name}
            type="password"
            required
            autoComplete={name === "current" ? "current-password" : "new-password"}
            className={field}
          />
        </label>
      ))}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Change password
      </button>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`w-full text-sm ${message.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
        >
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
