"use client";

import { useState, useTransition } from "react";
import { FormField, inputClass } from "@/components/form/field";
import { InlineForm } from "@/components/form/inline-form";
import { useActionForm } from "@/components/form/use-action-form";
import type { ActionResult } from "@/lib/action-result";
import type { TokenSummary } from "@/lib/auth/tokens";
import { formatDateTime } from "@/lib/format";
import { TokenRequestSchema } from "@/lib/schemas/auth";
import { TableHead } from "@/components/ui/table-head";
import { errorTextClass } from "@/components/ui/surface";

type Create = (input: unknown) => Promise<ActionResult<{ value: string; token: TokenSummary }>>;
type Revoke = (id: string) => Promise<ActionResult<null>>;

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
  const [revoking, startRevoke] = useTransition();
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const revokeToken = (id: string) =>
    startRevoke(async () => {
      const result = await revoke(id);
      setRevokeError(result.ok ? null : result.error);
    });
  const action = useActionForm({ schema: TokenRequestSchema, defaultValues: { name: "", scope: canWrite ? "write" : "read" } });
  const { form, submitTo } = action;
  const submit = submitTo(create, (data) => {
    setCreated(data.value);
    form.reset();
  });
  return (
    <div className="space-y-4">
      <InlineForm
        action={action}
        onSubmit={submit}
        label="Create an API token"
        errorTitle="Token not created"
        submitLabel="Create token"
        primary
      >
        <FormField name="name" label="Name" compact>
          <input {...form.register("name")} maxLength={100} placeholder="ci-import" className={inputClass(true)} />
        </FormField>
        <FormField name="scope" label="Scope" compact>
          <select {...form.register("scope")} className={inputClass(true)}>
            <option value="read">read</option>
            {canWrite ? <option value="write">write</option> : null}
          </select>
        </FormField>
      </InlineForm>
      {revokeError ? (
        <p role="alert" className={`text-sm ${errorTextClass}`}>
          Not revoked: {revokeError}
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
                      disabled={revoking}
                      onClick={() => revokeToken(token.id)}
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
