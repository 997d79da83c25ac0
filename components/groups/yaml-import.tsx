"use client";

import { useState, useTransition } from "react";
import { Field, inputClass } from "@/components/form/field";
import { buttonClass } from "@/components/ui/button-link";
import type { ChangePlan } from "@/lib/groups/plan";
import { ImportMessage, type ImportMessageState } from "./import-message";
import { PlanView } from "./plan-view";
import { cardClass, errorTextClass } from "@/components/ui/surface";

type Problem = { file: string; line: number; column: number; path: string; message: string };
type Plan = { items: { file: string; line: number; plan: ChangePlan }[]; problems: Problem[]; summary: Record<ChangePlan["kind"], number> };
type Files = { name: string; text: string }[];

async function post(files: Files, dryRun: boolean) {
  const response = await fetch(`/api/registry/import${dryRun ? "?dryRun=1" : ""}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ files }),
  });
  return { status: response.status, body: await response.json() };
}

/** Paste or upload YAML; a dry run shows the plan and every problem with its line; apply is atomic. */
export function YamlImport() {
  const [text, setText] = useState("");
  const [uploads, setUploads] = useState<Files>([]);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [message, setMessage] = useState<ImportMessageState>(null);
  const [busy, startTransition] = useTransition();
  const files: Files = [...uploads, ...(text.trim() ? [{ name: "pasted.yaml", text }] : [])];

  const dryRun = () =>
    startTransition(async () => {
      setMessage(null);
      const { status, body } = await post(files, true);
      if (status === 200 || status === 422) setPlan(body.items ? body : null);
      if (status !== 200 && status !== 422) setMessage({ tone: "error", text: body.error ?? `the server answered ${status}` });
    });
  const apply = () =>
    startTransition(async () => {
      const { status, body } = await post(files, false);
      if (status === 200) {
        setPlan(null);
        setMessage({
          tone: "ok",
          text: `Imported: ${body.outcome.created.length} created, ${body.outcome.updated.length} updated, ${body.outcome.unchanged.length} unchanged.`,
        });
      } else {
        setMessage({ tone: "error", text: `${body.error ?? `the server answered ${status}`}. Nothing was imported.` });
      }
    });

  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <Field label="Paste YAML (one or many documents separated by ---)">
          <textarea
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setPlan(null);
            }}
            rows={14}
            spellCheck={false}
            className={`${inputClass()} font-mono text-xs`}
          />
        </Field>
        <div className="space-y-2">
          <Field label="Or upload files">
            <input
              type="file"
              accept=".yaml,.yml"
              multiple
              onChange={async (event) => {
                const chosen = [...(event.target.files ?? [])];
                setUploads(await Promise.all(chosen.map(async (file) => ({ name: file.name, text: await file.text() }))));
                setPlan(null);
              }}
              className="text-sm"
            />
          </Field>
          {uploads.length > 0 ? (
            <p className="text-xs text-slate-600 dark:text-slate-400">{uploads.map((file) => file.name).join(", ")}</p>
          ) : null}
          <p className="text-sm text-slate-600 dark:text-slate-400">
            The dry run changes nothing. Applying writes every document in one transaction: all of them, or none.
          </p>
          <div className="flex gap-2">
            <button type="button" className={buttonClass("primary")} onClick={dryRun} disabled={busy || files.length === 0}>
              {busy ? "Working…" : "Dry run"}
            </button>
            <button
              type="button"
              className={buttonClass()}
              onClick={apply}
              disabled={busy || !plan || plan.problems.length > 0 || plan.summary.create + plan.summary.update === 0}
            >
              Apply
            </button>
          </div>
        </div>
      </div>
      <ImportMessage message={message} />
      {plan ? (
        <section aria-labelledby="import-plan" className={cardClass()}>
          <h2 id="import-plan" className="mb-2 text-base font-semibold">
            Plan: {plan.summary.create} to create, {plan.summary.update} to update, {plan.summary.unchanged} unchanged,{" "}
            {plan.problems.length} error(s)
          </h2>
          {plan.problems.length > 0 ? (
            <ul className="mb-4 space-y-1" aria-label="Errors">
              {plan.problems.map((problem, index) => (
                <li key={index} className={`font-mono text-xs ${errorTextClass}`}>
                  {problem.file}:{problem.line}:{problem.column} {problem.path ? `${problem.path}: ` : ""}
                  {problem.message}
                </li>
              ))}
            </ul>
          ) : null}
          <ul className="space-y-4">
            {plan.items.map((item) => (
              <li key={`${item.file}:${item.line}`}>
                <p className="mb-1 text-xs text-slate-500">
                  {item.file}:{item.line}
                </p>
                <PlanView plan={item.plan} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
