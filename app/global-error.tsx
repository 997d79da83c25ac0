"use client";

import "./globals.css";

/** When even the root layout fails: a plain page with a retry (the layout, and its providers, are gone). */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 p-8 font-sans text-slate-900">
        <main className="mx-auto max-w-xl space-y-4">
          <h1 className="text-2xl font-semibold">Tideline could not load this page</h1>
          <p role="alert" className="text-sm">
            A backend did not answer ({error.digest ? `error ${error.digest}` : error.message}). GET /api/health names the one that is down;
            the page comes back by itself once it answers.
          </p>
          <button type="button" onClick={reset} className="rounded-md bg-tide-700 px-3 py-2 text-sm font-medium text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
