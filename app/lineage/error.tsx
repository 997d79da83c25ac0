"use client";

import { RouteError } from "@/components/ui/route-error";

export default function LineageError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="The lineage graph could not be loaded" what="RisingWave's catalog or the registry" {...props} />;
}
