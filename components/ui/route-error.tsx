"use client";

import { BackendStatus } from "@/components/health/backend-status";
import { buttonClass } from "./button-link";
import { EmptyState } from "./empty-state";

/** The body of a route's error.tsx: what failed, which backend is down right now, and a retry. */
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
    <div className="space-y-6">
      <EmptyState
        title={title}
        action={
          <button type="button" onClick={reset} className={buttonClass("primary")}>
            Try again
          </button>
        }
      >
        <span role="alert">
          {what} did not answer ({error.digest ? `error ${error.digest}` : error.message}). The backends&apos; state is below; the page
          comes back by itself once they answer.
        </span>
      </EmptyState>
      <BackendStatus />
    </div>
  );
}
