"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { TokenSummary } from "@/lib/auth/tokens";
import { formatDateTime } from "@/lib/format";
import { TableHead } from "@/components/ui/table-head";
import { errorTextClass } from "@/components/ui/surface";

type Create = (input: unknown) => Promise<ActionResult<{ value: string; token: TokenSummary }>>;
type Revoke = (id: string) => Promise<ActionResult<null>>;
const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

/** Create (the value is shown once), list and revoke the signed-in user's API tokens. */
export function TokenManager({
  tokens,
  canWrite,
  create,
  revoke,
}: {
  tokens: TokenSummary[];
  canWrite: boolean;
  create: Create;
  revoke: Revoke;
}) {
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    startTransition(async () => {
      const result = await create({ name: form.get("name"), scope: form.get("scope") });
      if (!result.ok) {
        setError(result.issues[0]?.message ?? result.error);
        return;
      }
      setError(null);
      setCreated(result.data.value);
      target.reset();
    });
  };
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Create an API token">
        <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
          Name
          <input name="name" required maxLength={100} placeholder="ci-import" className={field} />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
          Scope
          <select name="scope" className={field} defaultValue={canWrite ? "write" : "read"}>
            <option value="read">read</option>
            {canWrite ? <option value="write">write</option> : null}
          </select>
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-tide-600 px-3 py-2 text-sm font-medium text-white hover:bg-tide-700 disabled:opacity-50"
        >
          Create token
        </button>
      </form>
      {error ? (
        <p role="alert" className={`text-sm ${errorTextClass}`}>
          {error}
        </p>
      ) : null}
      {created ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          <p className="font-medium">Copy this token now: it is not shown again.</p>
          <code data-testid="new-token" className="mt-1 block break-all font-mono">
            {created}
          </code>
          <p className="mt-1 text-xs">
            Use it as <code>Authorization: Bearer …</code>, e.g. <code>npx tideline import features/ --token …</code>.
          </p>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No tokens yet.</p>
      ) : (
        <table className="w-full text-sm" aria-label="API tokens">
          <TableHead columns={["Name", "Token", "Scope", "Created", "Last used", ""]} />
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className="border-t border-slate-100 dark:border-slate-800" data-token={token.name}>
                <td className="px-2 py-1">{token.name}</td>
                <td className="px-2 py-1 font-mono text-xs">{token.prefix}…</td>
                <td className="px-2 py-1">{token.scope}</td>
                <td className="px-2 py-1 text-xs">{formatDateTime(token.createdAt)}</td>
                <td className="px-2 py-1 text-xs">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}</td>
                <td className="px-2 py-1 text-right">
                  {token.revokedAt ? (
                    <span className="text-xs text-slate-500">revoked</span>
                  ) : (
                    <button
                      type="button"
                      className="text-sm text-red-700 underline dark:text-red-400"
                      onClick={() => startTransition(async () => void (await revoke(token.id)))}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
