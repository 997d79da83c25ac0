"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-link";
import { errorTextClass } from "@/components/ui/surface";
import type { Check } from "@/lib/versions/verdict";

type Result = { ok: true } | { ok: false; error: string };
type Props = {
  name: string;
  version: number;
  target: string;
  /** Forward: the verdict's checks, all passed; back (the undo): none. */
  checks: Check[];
  /** The server action (app/groups/actions.ts), passed in so components never import from app/. */
  onSwitch: (name: string, version: number, mv: string) => Promise<Result>;
};

/** "Switch serving to <mv>", confirmed in a dialog that shows the verdict; a refusal is shown, nothing changes. */
export function SwitchServing({ name, version, target, checks, onSwitch }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const router = useRouter();
  const confirm = () =>
    startTransition(async () => {
      const result = await onSwitch(name, version, target);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      dialog.current?.close();
      router.refresh();
    });
  return (
    <>
      <button
        type="button"
        className={buttonClass(checks.length > 0 ? "primary" : undefined)}
        onClick={() => {
          setError(null);
          dialog.current?.showModal();
        }}
      >
        Switch serving to {target}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="switch-title"
        className="m-auto max-w-lg rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-black/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id="switch-title" className="text-lg font-semibold">
          Serve {name} from {target}?
        </h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Serving, lookup, freshness and lineage follow {target} from their next refresh. The change is audited, and you can switch back
          while the other version exists.
        </p>
        {checks.length > 0 ? (
          <ul className="mt-3 space-y-1 text-sm" aria-label="Verdict">
            {checks.map((check) => (
              <li key={check.id}>
                {check.ok ? "✓" : "✗"} {check.detail}
              </li>
            ))}
          </ul>
        ) : null}
        {error ? (
          <p role="alert" className={`mt-3 text-sm ${errorTextClass}`}>
            {error}
          </p>
        ) : null}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={buttonClass()} onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </button>
          <button type="button" className={buttonClass("primary")} onClick={confirm} disabled={busy}>
            {busy ? "Switching…" : `Switch to ${target}`}
          </button>
        </div>
      </dialog>
    </>
  );
}
