"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-link";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type Pending = "deprecate" | "delete" | null;

/** Deprecate and delete, each behind a confirmation dialog; a stale version is reported, not applied. */
type Result = { ok: true } | { ok: false; error: string };
type Props = {
  name: string;
  version: number;
  status: string;
  /** Server actions (app/groups/actions.ts), passed in so components never import from app/. */
  onDeprecate: (name: string, version: number) => Promise<Result>;
  onDelete: (name: string, version: number) => Promise<Result>;
};

export function GroupActions({ name, version, status, onDeprecate, onDelete }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const router = useRouter();

  const ask = (action: Exclude<Pending, null>) => {
    setPending(action);
    setError(null);
    dialog.current?.showModal();
  };
  const confirm = () =>
    startTransition(async () => {
      const result = pending === "delete" ? await onDelete(name, version) : await onDeprecate(name, version);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      dialog.current?.close();
      // The next page confirms what happened.
      if (pending === "delete") router.push(`/groups?deleted=${encodeURIComponent(name)}`);
      else router.replace(`/groups/${name}?deprecated=1`);
      router.refresh();
    });

  return (
    <>
      {status !== "deprecated" ? (
        <button type="button" className={buttonClass()} onClick={() => ask("deprecate")}>
          Deprecate
        </button>
      ) : null}
      <button type="button" className={buttonClass("danger")} onClick={() => ask("delete")}>
        Delete
      </button>
      <ConfirmDialog
        dialogRef={dialog}
        titleId="confirm-title"
        title={pending === "delete" ? `Delete ${name}?` : `Deprecate ${name}?`}
        error={error}
        busy={busy}
        confirmLabel={pending === "delete" ? "Delete group" : "Deprecate group"}
        variant={pending === "delete" ? "dangerConfirm" : "primary"}
        onConfirm={confirm}
      >
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {pending === "delete"
            ? "The group and its feature definitions leave the registry. The materialized view in RisingWave is not touched. The audit log keeps the last definition."
            : "The group stays in the registry, marked deprecated, so consumers know to move off it."}
        </p>
      </ConfirmDialog>
    </>
  );
}
