"use client";

import { RouteError } from "@/components/ui/route-error";

export default function RegistryError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError title="The registry could not be loaded" what="The registry database" {...props} />;
}
