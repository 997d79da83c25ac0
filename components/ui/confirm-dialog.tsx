"use client";

import type { ReactNode, RefObject } from "react";
import { buttonClass } from "@/components/ui/button-link";
import { errorTextClass } from "@/components/ui/surface";

type Props = {
  dialogRef: RefObject<HTMLDialogElement | null>;
  titleId: string;
  title: string;
  /** What confirming does, in words (and what it shows, such as a verdict). */
  children: ReactNode;
  error: string | null;
  busy: boolean;
  confirmLabel: string;
  variant?: "primary" | "dangerConfirm";
  onConfirm: () => void;
};

/** A modal question: Cancel (focused first) or the action; the action's refusal is shown in place. */
export function ConfirmDialog({ dialogRef, titleId, title, children, error, busy, confirmLabel, variant = "primary", onConfirm }: Props) {
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      className="m-auto max-w-lg rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-black/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
      {error ? (
        <p role="alert" className={`mt-3 text-sm ${errorTextClass}`}>
          {error}
        </p>
      ) : null}
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" className={buttonClass()} onClick={() => dialogRef.current?.close()} autoFocus>
          Cancel
        </button>
        <button type="button" className={buttonClass(variant)} onClick={onConfirm} disabled={busy}>
          {busy ? "Working…" : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
