"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
export type ServerError = { status: number; message: string };

type Options<Values extends FieldValues> = {
  /** The schema the server action parses with: the same rules run in the browser first. */
  schema: z.ZodType<unknown, Values>;
  defaultValues: Values;
  /** Where a server issue's path belongs in the form, when the form's fields are not the schema's. */
  fieldForIssue?: (path: string) => string;
};

/**
 * A form whose values go to a server action: validated with the action's zod schema (raw values
 * are sent, the server parses them again); a failed result puts each issue on its field and the
 * message, with any issue no field shows, in `serverError`.
 */
export function useActionForm<Values extends FieldValues>({ schema, defaultValues, fieldForIssue = (path) => path }: Options<Values>) {
  const form = useForm<Values>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    defaultValues: defaultValues as DefaultValues<Values>,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const [serverError, setServerError] = useState<ServerError | null>(null);
  /** The last action succeeded (cleared when the next one starts): for a "saved" message. */
  const [succeeded, setSucceeded] = useState(false);
  const [pending, startTransition] = useTransition();

  const showFailure = (failure: Failure) => {
    const unplaced: string[] = [];
    for (const issue of failure.issues) {
      const field = fieldForIssue(issue.path);
      if (field.split(".")[0]! in defaultValues) form.setError(field as Path<Values>, { type: "server", message: issue.message });
      else unplaced.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    }
    setServerError({ status: failure.status, message: [failure.error, ...unplaced].join("; ") });
  };

  /** Runs an action (a submit, or a second step such as "confirm"); `onSuccess` gets its data. */
  const run = <T>(action: () => Promise<ActionResult<T>>, onSuccess: (data: T) => void, onFailure?: () => void) =>
    startTransition(async () => {
      setServerError(null);
      setSucceeded(false);
      const result = await action();
      setSucceeded(result.ok);
      if (result.ok) return onSuccess(result.data);
      onFailure?.();
      showFailure(result);
    });

  /** An onSubmit handler: client validation first, then the action with the form's raw values. */
  const submitTo = <T>(action: (values: Values) => Promise<ActionResult<T>>, onSuccess?: (data: T, values: Values) => void) =>
    form.handleSubmit((values) =>
      run(
        () => action(values),
        (data) => onSuccess?.(data, values),
      ),
    );

  return { form, pending, serverError, clearServerError: () => setServerError(null), succeeded, run, submitTo };
}
