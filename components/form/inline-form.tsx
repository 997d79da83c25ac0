"use client";

import type { FormEventHandler, ReactNode } from "react";
import { FormProvider, type FieldValues } from "react-hook-form";
import { buttonClass } from "@/components/ui/button-link";
import { FormAlert } from "./form-alert";
import type { useActionForm } from "./use-action-form";

/**
 * A compact form on one row (settings: a token, a user, a password): the server's verdict above,
 * the fields side by side, the submit button at their baseline, and an optional line below.
 */
export function InlineForm<Values extends FieldValues>({
  action: { form, serverError, pending },
  onSubmit,
  label,
  errorTitle,
  submitLabel,
  primary = false,
  children,
  below,
}: {
  /** What useActionForm returned for this form. */
  action: Pick<ReturnType<typeof useActionForm<Values>>, "form" | "serverError" | "pending">;
  onSubmit: FormEventHandler<HTMLFormElement>;
  label: string;
  errorTitle: string;
  submitLabel: string;
  primary?: boolean;
  children: ReactNode;
  below?: ReactNode;
}) {
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={label}>
        <FormAlert error={serverError} title={errorTitle} />
        <div className="flex flex-wrap items-start gap-3">
          {children}
          <button type="submit" disabled={pending} className={`${buttonClass(primary ? "primary" : "secondary")} mt-5`}>
            {submitLabel}
          </button>
        </div>
        {below}
      </form>
    </FormProvider>
  );
}
