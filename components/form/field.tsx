"use client";

import { cloneElement, useId, type ReactElement, type ReactNode } from "react";
import { get, useFormState } from "react-hook-form";
import { errorTextClass } from "@/components/ui/surface";

/** The one input style; `compact` for inline forms (settings rows, filters, lookup). A focused field scrolls clear of the sticky header. */
export const inputClass = (compact = false) =>
  `scroll-mt-24 rounded-md border border-slate-300 bg-white text-sm focus-visible:outline-2 focus-visible:outline-tide-500 aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-900 ${compact ? "px-2 py-1.5" : "w-full px-3 py-2"}`;

type ControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

type FieldProps = {
  label: ReactNode;
  /** One input, select or textarea: it gets aria-invalid and is described by the hint and the error. */
  children: ReactElement<ControlProps>;
  hint?: ReactNode;
  error?: string;
  compact?: boolean;
  /** The label is read by screen readers only (rows of a repeated list). */
  hideLabel?: boolean;
  className?: string;
};

/** Label, control, description and error; the control's accessible name is the label alone. */
export function Field({ label, children, hint, error, compact = false, hideLabel = false, className = "" }: FieldProps) {
  const generatedId = useId();
  const id = children.props.id ?? generatedId;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`flex flex-col gap-1 ${compact ? "text-xs text-slate-600 dark:text-slate-400" : "text-sm font-medium"} ${className}`}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : undefined}>
        {label}
      </label>
      {cloneElement(children, { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined })}
      {hint ? (
        <span id={`${id}-hint`} className="text-xs font-normal text-slate-500 dark:text-slate-400">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} role="alert" className={`text-xs font-normal ${errorTextClass}`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A Field inside a react-hook-form `FormProvider`: its error is the form's error at `name`. */
export function FormField({ name, ...props }: Omit<FieldProps, "error"> & { name: string }) {
  const { errors } = useFormState({ name });
  const message = (get(errors, name) as { message?: string } | undefined)?.message;
  return <Field {...props} error={message} />;
}
