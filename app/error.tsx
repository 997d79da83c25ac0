"use client";

import { RouteError } from "@/components/ui/route-error";

/** Any page whose backend failed: a page that says so (with the backends' state), never Next's default. */
export default function PageError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="This page could not be loaded" what="One of its backends" {...props} />;
}
