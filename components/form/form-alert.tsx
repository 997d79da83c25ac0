"use client";

import { useEffect, useRef, type ReactNode } from "react";
import type { ServerError } from "./use-action-form";

/**
 * The server's verdict on a form: a title, the message, and anything the form adds. It takes focus
 * when it appears, so the reader is brought to it wherever on the form they were.
 */
export function FormAlert({ error, title = "Not saved", children }: { error: ServerError | null; title?: string; children?: ReactNode }) {
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) alert.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div
      ref={alert}
      role="alert"
      tabIndex={-1}
      className="scroll-mt-24 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 focus-visible:outline-2 focus-visible:outline-red-500 dark:border-red-700 dark:bg-red-950 dark:text-red-200"
    >
      <p className="font-medium">{title}</p>
      <p>{error.message}</p>
      {children}
    </div>
  );
}
