"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button-link";

export function CopyJsonButton({ json }: { json: string }) {
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <button type="button" className={buttonClass()} onClick={copy} aria-live="polite">
      {copied === "yes" ? "Copied" : copied === "failed" ? "Copy failed: use the API link" : "Copy as JSON"}
    </button>
  );
}
