"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button-link";
import { errorTextClass } from "@/components/ui/surface";

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
      <dialog
        ref={dialog}
        aria-labelledby="confirm-title"
        className="m-auto max-w-md rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-black/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id="confirm-title" className="text-lg font-semibold">
          {pending === "delete" ? `Delete ${name}?` : `Deprecate ${name}?`}
        </h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {pending === "delete"
            ? "The group and its feature definitions leave the registry. The materialized view in RisingWave is not touched. The audit log keeps the last definition."
            : "The group stays in the registry, marked deprecated, so consumers know to move off it."}
        </p>
        {error ? (
          <p role="alert" className={`mt-3 text-sm ${errorTextClass}`}>
            {error}
          </p>
        ) : null}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={buttonClass()} onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className={buttonClass(pending === "delete" ? "dangerConfirm" : "primary")}
            onClick={confirm}
            disabled={busy}
          >
            {busy ? "Working…" : pending === "delete" ? "Delete group" : "Deprecate group"}
          </button>
        </div>
      </dialog>
    </>
  );
}
