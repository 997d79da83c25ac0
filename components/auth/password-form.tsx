"use client";

import { FormField, inputClass } from "@/components/form/field";
import { InlineForm } from "@/components/form/inline-form";
import { useActionForm } from "@/components/form/use-action-form";
import type { ActionResult } from "@/lib/action-result";
import { PasswordChangeSchema } from "@/lib/schemas/auth";

const FIELDS = [
  { name: "current", label: "Current password", autoComplete: "current-password" },
  { name: "next", label: "New password", autoComplete: "new-password" },
  { name: "confirm", label: "New password again", autoComplete: "new-password" },
] as const;

/** Change one's own password (the current one is required). */
export function PasswordForm({ change }: { change: (input: unknown) => Promise<ActionResult<null>> }) {
  const action = useActionForm({ schema: PasswordChangeSchema, defaultValues: { current: "", next: "", confirm: "" } });
  const { form, succeeded, submitTo } = action;
  const submit = submitTo(change, () => form.reset());
  return (
    <InlineForm
      action={action}
      onSubmit={submit}
      label="Change password"
      errorTitle="Password not changed"
      submitLabel="Change password"
      below={
        succeeded ? (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            Password changed.
          </p>
        ) : null
      }
    >
      {FIELDS.map((field) => (
        <FormField key={field.name} name={field.name} label={field.label} compact>
          <input {...form.register(field.name)} type="password" autoComplete={field.autoComplete} className={inputClass(true)} />
        </FormField>
      ))}
    </InlineForm>
  );
}
