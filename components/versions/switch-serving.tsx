"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-link";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
      <ConfirmDialog
        dialogRef={dialog}
        titleId="switch-title"
        title={`Serve ${name} from ${target}?`}
        error={error}
        busy={busy}
        confirmLabel={`Switch to ${target}`}
        onConfirm={confirm}
      >
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
      </ConfirmDialog>
    </>
  );
}
