"use client";

import { EmptyState } from "@/components/ui/empty-state";

export default function RegistryError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <EmptyState
      title="The registry could not be loaded"
      action={
        <button type="button" onClick={reset} className="rounded-md bg-tide-600 px-3 py-2 text-sm font-medium text-white hover:bg-tide-700">
          Try again
        </button>
      }
    >
      <span role="alert">The registry database did not answer ({error.digest ? `error ${error.digest}` : error.message}). Check /api/health.</span>
    </EmptyState>
  );
}
