"use client";

import { FormProvider } from "react-hook-form";
import { FormField, inputClass } from "@/components/form/field";
import { FormAlert } from "@/components/form/form-alert";
import { useActionForm } from "@/components/form/use-action-form";
import { buttonClass } from "@/components/ui/button-link";
import type { ActionResult } from "@/lib/action-result";
import { PasswordChangeSchema } from "@/lib/schemas/auth";

const FIELDS = [
  { name: "current", label: "Current password", autoComplete: "current-password" },
  { name: "next", label: "New password", autoComplete: "new-password" },
  { name: "confirm", label: "New password again", autoComplete: "new-password" },
] as const;

/** Change one's own password (the current one is required). */
export function PasswordForm({ change }: { change: (input: unknown) => Promise<ActionResult<null>> }) {
  const { form, pending, serverError, succeeded, submitTo } = useActionForm({
    schema: PasswordChangeSchema,
    defaultValues: { current: "", next: "", confirm: "" },
  });
  const submit = submitTo(change, () => form.reset());
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate className="space-y-3" aria-label="Change password">
        <FormAlert error={serverError} title="Password not changed" />
        <div className="flex flex-wrap items-start gap-3">
          {FIELDS.map((field) => (
            <FormField key={field.name} name={field.name} label={field.label} compact>
              <input {...form.register(field.name)} type="password" autoComplete={field.autoComplete} className={inputClass(true)} />
            </FormField>
          ))}
          <button type="submit" disabled={pending} className={`${buttonClass()} mt-5`}>
            Change password
          </button>
        </div>
        {succeeded ? (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            Password changed.
          </p>
        ) : null}
      </form>
    </FormProvider>
  );
}
