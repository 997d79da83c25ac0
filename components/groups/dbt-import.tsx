"use client";

import { useState, useTransition } from "react";
import { Field } from "@/components/form/field";
import { buttonClass } from "@/components/ui/button-link";
import { cardClass, errorTextClass } from "@/components/ui/surface";
import type { DbtImportPlan } from "@/lib/registry/dbt-import";
import { ImportMessage, type ImportMessageState } from "./import-message";
import { PlanView } from "./plan-view";

async function post(manifest: string, dryRun: boolean) {
  const response = await fetch(`/api/registry/import/dbt${dryRun ? "?dryRun=1" : ""}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: manifest,
  });
  return { status: response.status, body: await response.json() };
}

/** Upload a dbt manifest.json: the dry run shows each model's plan, conflicts and candidates; apply is atomic. */
export function DbtImport() {
  const [manifest, setManifest] = useState<{ name: string; text: string } | null>(null);
  const [plan, setPlan] = useState<DbtImportPlan | null>(null);
  const [message, setMessage] = useState<ImportMessageState>(null);
  const [busy, startTransition] = useTransition();

  const dryRun = () =>
    startTransition(async () => {
      if (!manifest) return;
      setMessage(null);
      const { status, body } = await post(manifest.text, true);
      setPlan(body.items ? body : null);
      if (!body.items) setMessage({ tone: "error", text: body.error ?? `the server answered ${status}` });
    });
  const apply = () =>
    startTransition(async () => {
      if (!manifest) return;
      const { status, body } = await post(manifest.text, false);
      if (status === 200) {
        setPlan(null);
        setMessage({
          tone: "ok",
          text: `Imported from dbt project ${body.plan.project}: ${body.outcome.created.length} created, ${body.outcome.updated.length} updated, ${body.outcome.unchanged.length} unchanged.`,
        });
      } else setMessage({ tone: "error", text: `${body.error ?? `the server answered ${status}`}. Nothing was imported.` });
    });
  const writable = plan && plan.problems.length === 0 && plan.summary.conflict === 0;

  return (
    <div className="space-y-4">
      <Field label="dbt manifest (target/manifest.json, schema v12)">
        <input
          type="file"
          accept=".json,application/json"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            setManifest(file ? { name: file.name, text: await file.text() } : null);
            setPlan(null);
            setMessage(null);
          }}
          className="text-sm"
        />
      </Field>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Models materialized as materialized views with a <code>meta.tideline</code> block become feature groups; the others are listed as
        candidates. The dry run changes nothing; applying writes every group and the project&apos;s lineage in one transaction.
      </p>
      <div className="flex gap-2">
        <button type="button" className={buttonClass("primary")} onClick={dryRun} disabled={busy || !manifest}>
          {busy ? "Working…" : "Dry run"}
        </button>
        <button type="button" className={buttonClass()} onClick={apply} disabled={busy || !writable}>
          Apply
        </button>
      </div>
      <ImportMessage message={message} />
      {plan ? (
        <section aria-labelledby="dbt-plan" className={cardClass()}>
          <h3 id="dbt-plan" className="mb-2 text-base font-semibold">
            dbt project {plan.project} (manifest generated {plan.generatedAt}): {plan.summary.create} to create, {plan.summary.update} to
            update, {plan.summary.unchanged} unchanged, {plan.summary.conflict} conflict(s), {plan.problems.length} error(s)
          </h3>
          {plan.problems.length > 0 ? (
            <ul className="mb-4 space-y-1" aria-label="Errors">
              {plan.problems.map((problem, index) => (
                <li key={index} className={`font-mono text-xs ${errorTextClass}`}>
                  {problem.uniqueId}: {problem.path ? `${problem.path}: ` : ""}
                  {problem.message}
                </li>
              ))}
            </ul>
          ) : null}
          <ul className="space-y-4" aria-label="Models">
            {plan.items.map((item) => (
              <li key={item.uniqueId} data-kind={item.kind}>
                <p className="mb-1 text-xs text-slate-500">
                  <span className="font-medium">{item.kind}</span> · {item.uniqueId} · {item.file}
                </p>
                {item.plan ? <PlanView plan={item.plan} /> : <p className={`text-sm ${errorTextClass}`}>{item.reason}</p>}
              </li>
            ))}
          </ul>
          {plan.candidates.length > 0 ? (
            <>
              <h4 className="mb-1 mt-4 text-sm font-semibold">Candidates (materialized views without meta.tideline)</h4>
              <ul className="list-disc pl-5 text-sm" aria-label="Candidates">
                {plan.candidates.map((candidate) => (
                  <li key={candidate.uniqueId}>
                    <code>{candidate.name}</code> · {candidate.file}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
