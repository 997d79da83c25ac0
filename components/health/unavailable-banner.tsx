import Link from "next/link";
import type { Unavailable } from "@/lib/errors";

/** One backend's data is missing from this page: which backend, why, and what the page cannot show. */
export function UnavailableBanner({ unavailable, affects }: { unavailable: Unavailable; affects: string }) {
  return (
    <div
      role="alert"
      data-testid="unavailable-banner"
      data-backend={unavailable.backend}
      className="mb-4 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">{unavailable.reason}</p>
      <p className="mt-1">
        {affects} This page recovers by itself when it answers again;{" "}
        <Link href="/" className="underline">
          the overview
        </Link>{" "}
        shows every backend&apos;s status.
      </p>
    </div>
  );
}
