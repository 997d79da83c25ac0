"use client";

import { buttonClass } from "./button-link";
import { EmptyState } from "./empty-state";

/** The body of a route's error.tsx: what failed, where to look, and a retry. */
export function RouteError({
  title,
  what,
  error,
  reset,
}: {
  title: string;
  what: string;
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <EmptyState
      title={title}
      action={
        <button type="button" onClick={reset} className={buttonClass("primary")}>
          Try again
        </button>
      }
    >
      <span role="alert">
        {what} did not answer ({error.digest ? `error ${error.digest}` : error.message}). Check /api/health.
      </span>
    </EmptyState>
  );
}
