"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import { useFieldArray, useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { buttonClass } from "@/components/ui/button-link";
import { fetchJson } from "@/lib/fetch-json";
import { MvColumnsSchema } from "@/lib/schemas/responses";
import { dtypeOfColumn } from "@/lib/groups/dtypes";
import type { ChangePlan } from "@/lib/groups/plan";
import { checkSchema, type LiveColumn, type SchemaCheck } from "@/lib/groups/schema-check";
import { DTYPES, FeatureGroupSchema } from "@/lib/schemas/feature-group";
import { formFieldForIssue, formToDefinitionInput, type GroupFormValues } from "@/lib/schemas/group-form";
import { PlanView } from "./plan-view";
import { SchemaCheckTable } from "./schema-check-table";
import { cardClass, errorTextClass } from "@/components/ui/surface";

type MvOption = { name: string; status: string };
type Preview = { plan: ChangePlan; check: SchemaCheck | { status: "unavailable"; reason: string } };
type Result<T> = { ok: true; data: T } | { ok: false; status: number; error: string; issues: { path: string; message: string }[] };
type Props = {
  mode: "create" | "edit";
  initial: GroupFormValues;
  version: number | null;
  materializedViews: MvOption[] | null;
  risingwaveError?: string;
  /** Server actions (app/groups/actions.ts), passed in so components never import from app/. */
  preview: (input: unknown, version: number | null) => Promise<Result<Preview>>;
  save: (input: unknown, version: number | null) => Promise<Result<{ name: string; version: number }>>;
};

/** Validation is the shared zod schema; its issues are placed on the form's fields. */
const resolver: Resolver<GroupFormValues> = async (values) => {
  const result = FeatureGroupSchema.safeParse(formToDefinitionInput(values));
  if (result.success) return { values, errors: {} };
  const errors: Record<string, unknown> = {};
  for (const issue of result.error.issues) {
    const path = formFieldForIssue(issue.path).split(".");
    let node = errors;
    path.forEach((segment, index) => {
      if (index === path.length - 1) node[segment] ??= { type: "validation", message: issue.message };
      else node = (node[segment] ??= {}) as Record<string, unknown>;
    });
  }
  return { values: {}, errors: errors as FieldErrors<GroupFormValues> };
};

const input =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-tide-500 aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-900";
const labelClass = "flex flex-col gap-1 text-sm font-medium";
const hint = "text-xs font-normal text-slate-500 dark:text-slate-400";

const fetchColumns = async (mv: string): Promise<LiveColumn[] | null> =>
  (await fetchJson(`/api/risingwave/materialized-views?columns=${encodeURIComponent(mv)}`, MvColumnsSchema)).columns;

export function GroupForm({ mode, initial, version, materializedViews, risingwaveError, preview: previewAction, save: saveAction }: Props) {
  const router = useRouter();
  const form = useForm<GroupFormValues>({ resolver, defaultValues: initial, mode: "onSubmit", reValidateMode: "onChange" });
  const { register, control, handleSubmit, setValue, getValues, formState } = form;
  const features = useFieldArray({ control, name: "features" });
  const values = useWatch({ control }) as GroupFormValues;
  const [columns, setColumns] = useState<{ mv: string; list: LiveColumn[] | null } | null>(null);
  const [columnsError, setColumnsError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [serverError, setServerError] = useState<{ status: number; message: string } | null>(null);
  const [busy, startTransition] = useTransition();
  const errors = formState.errors;

  const loadColumns = (mv: string, prefill: boolean) => {
    if (!mv) return;
    fetchColumns(mv).then(
      (list) => {
        setColumnsError(null);
        setColumns({ mv, list });
        if (prefill && list) prefillFrom(list);
      },
      (error: Error) => setColumnsError(error.message),
    );
  };

  // Edit mode: the live columns of the stored MV, for the schema check.
  useEffect(() => {
    if (initial.materialized_view) loadColumns(initial.materialized_view, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the initial MV
  }, []);

  function prefillFrom(list: LiveColumn[]) {
    const keys = list.filter((column) => column.isPrimaryKey).map((column) => column.name);
    features.replace(
      list
        .filter((column) => !column.isPrimaryKey)
        .map((column) => ({ name: column.name, dtype: dtypeOfColumn(column.dataType) ?? "string", description: "" })),
    );
    if (!getValues("entityKeys") && keys.length > 0) setValue("entityKeys", keys.join(", "));
    // user_id → user: a sensible entity name that the owner can still change.
    if (!getValues("entityName") && keys.length === 1) setValue("entityName", (keys[0] ?? "").replace(/_id$/, ""));
    if (!getValues("timestamp_column")) {
      const timestamp = list.find((column) => column.dataType.startsWith("timestamp"));
      if (timestamp) setValue("timestamp_column", timestamp.name);
    }
  }

  const liveCheck = useMemo<SchemaCheck | null>(() => {
    if (!columns || columns.mv !== values.materialized_view) return null;
    const definition = formToDefinitionInput(values);
    return checkSchema(
      {
        materialized_view: definition.materialized_view,
        entity: definition.entity,
        timestamp_column: definition.timestamp_column,
        features: definition.features.map((f) => ({ ...f, description: f.description ?? "" })),
      },
      columns.list,
    );
  }, [columns, values]);

  /** The server's verdict: its per-field issues go next to their fields (a key shared with another group, a taken name…). */
  const showServerError = (result: { status: number; error: string; issues: { path: string; message: string }[] }) => {
    setServerError({ status: result.status, message: result.error });
    for (const issue of result.issues) {
      form.setError(formFieldForIssue(issue.path.split(".")) as Parameters<typeof form.setError>[0], {
        type: "server",
        message: issue.message,
      });
    }
  };

  const review = handleSubmit((formValues) => {
    setServerError(null);
    startTransition(async () => {
      const result = await previewAction(formToDefinitionInput(formValues), version);
      if (result.ok) setPreview(result.data);
      else showServerError(result);
    });
  });

  const confirm = () =>
    startTransition(async () => {
      const result = await saveAction(formToDefinitionInput(getValues()), version);
      if (result.ok) {
        router.push(`/groups/${result.data.name}`);
        router.refresh();
        return;
      }
      setPreview(null);
      showServerError(result);
    });

  const fieldError = (name: keyof GroupFormValues) => {
    const message = (errors[name] as { message?: string } | undefined)?.message;
    return message ? (
      <span role="alert" className={`text-xs font-normal ${errorTextClass}`}>
        {message}
      </span>
    ) : null;
  };

  return (
    <form
      onSubmit={review}
      noValidate
      className="space-y-6"
      aria-label={mode === "create" ? "Register a feature group" : "Edit feature group"}
    >
      {serverError ? (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-200"
        >
          <p className="font-medium">{serverError.status === 409 ? "Conflict: not saved" : "Not saved"}</p>
          <p>{serverError.message}</p>
          {serverError.status === 409 && mode === "edit" ? (
            <p className="mt-1">
              <Link href={`/groups/${initial.name}`} target="_blank" className="underline">
                Open the current version in a new tab
              </Link>{" "}
              to compare; your edits stay here.
            </p>
          ) : null}
        </div>
      ) : null}

      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 dark:border-slate-800 dark:bg-slate-900">
        <legend className="px-1 text-sm font-semibold">Group</legend>
        <label className={labelClass}>
          Name
          <input
            {...register("name")}
            className={input}
            readOnly={mode === "edit"}
            aria-invalid={!!errors.name}
            placeholder="user_features_1h"
          />
          <span className={hint}>snake_case; cannot change later</span>
          {fieldError("name")}
        </label>
        <label className={labelClass}>
          Owner
          <input {...register("owner")} className={input} aria-invalid={!!errors.owner} placeholder="team-or-person@example.com" />
          {fieldError("owner")}
        </label>
        <label className={`${labelClass} sm:col-span-2`}>
          Description
          <textarea {...register("description")} rows={2} className={input} />
        </label>
        <label className={labelClass}>
          Team
          <input {...register("team")} className={input} />
        </label>
        <label className={labelClass}>
          Tags
          <input {...register("tags")} className={input} aria-invalid={!!errors.tags} placeholder="user, realtime" />
          <span className={hint}>comma-separated</span>
          {fieldError("tags")}
        </label>
        <label className={labelClass}>
          Freshness SLA (seconds)
          <input
            {...register("freshness_sla_seconds")}
            inputMode="numeric"
            className={input}
            aria-invalid={!!errors.freshness_sla_seconds}
          />
          {fieldError("freshness_sla_seconds")}
        </label>
        <label className={labelClass}>
          Status
          <select {...register("status")} className={input}>
            <option value="active">active</option>
            <option value="draft">draft</option>
            <option value="deprecated">deprecated</option>
          </select>
        </label>
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 dark:border-slate-800 dark:bg-slate-900">
        <legend className="px-1 text-sm font-semibold">Source in RisingWave</legend>
        <label className={labelClass}>
          Materialized view
          {materializedViews ? (
            <select
              {...register("materialized_view", {
                onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
                  setPreview(null);
                  loadColumns(event.target.value, true);
                },
              })}
              className={input}
              aria-invalid={!!errors.materialized_view}
            >
              <option value="">Choose a materialized view…</option>
              {materializedViews.map((mv) => (
                <option key={mv.name} value={mv.name}>
                  {mv.name}
                  {mv.status !== "Created" ? ` (${mv.status})` : ""}
                </option>
              ))}
            </select>
          ) : (
            <input {...register("materialized_view")} className={input} aria-invalid={!!errors.materialized_view} />
          )}
          <span className={hint}>
            {materializedViews
              ? "Picking one fills the features from its columns."
              : `RisingWave is unreachable (${risingwaveError}); type the name.`}
          </span>
          {fieldError("materialized_view")}
        </label>
        <label className={labelClass}>
          Event-time column
          <input {...register("timestamp_column")} className={input} aria-invalid={!!errors.timestamp_column} list="mv-columns" />
          {fieldError("timestamp_column")}
        </label>
        <label className={labelClass}>
          Entity
          <input {...register("entityName")} className={input} aria-invalid={!!errors.entityName} placeholder="user" />
          {fieldError("entityName")}
        </label>
        <label className={labelClass}>
          Entity key columns
          <input {...register("entityKeys")} className={input} aria-invalid={!!errors.entityKeys} placeholder="user_id" />
          {fieldError("entityKeys")}
        </label>
        <datalist id="mv-columns">
          {(columns?.list ?? []).map((column) => (
            <option key={column.name} value={column.name} />
          ))}
        </datalist>
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 dark:border-slate-800 dark:bg-slate-900">
        <legend className="px-1 text-sm font-semibold">Online store and snapshots</legend>
        <label className={labelClass}>
          Redis layout
          <select {...register("redisKind")} className={input}>
            <option value="">none</option>
            <option value="json">json (sink key: compact JSON primary key)</option>
            <option value="template">template (sink key_format)</option>
            <option value="hash">hash (serving cache)</option>
          </select>
        </label>
        <label className={labelClass}>
          Redis key template
          <input
            {...register("redisKeyTemplate")}
            className={input}
            aria-invalid={!!errors.redisKeyTemplate}
            placeholder="features:user:{user_id}"
          />
          {fieldError("redisKeyTemplate")}
        </label>
        <label className={labelClass}>
          Redis TTL (seconds)
          <input {...register("redisTtlSeconds")} inputMode="numeric" className={input} aria-invalid={!!errors.redisTtlSeconds} />
          {fieldError("redisTtlSeconds")}
        </label>
        <label className={`${labelClass} sm:col-span-3`}>
          Snapshot path in the archive
          <input {...register("snapshotPath")} className={input} placeholder="snapshots/user_features_1h" />
        </label>
      </fieldset>

      <div className="grid gap-6 lg:grid-cols-2">
        <fieldset className={cardClass()}>
          <legend className="px-1 text-sm font-semibold">Features ({features.fields.length})</legend>
          {fieldError("features")}
          <ul className="space-y-2">
            {features.fields.map((field, index) => {
              const rowErrors = errors.features?.[index];
              return (
                <li key={field.id} className="grid grid-cols-[1fr_8rem_auto] gap-2">
                  <label className="sr-only" htmlFor={`feature-${index}-name`}>
                    Feature {index + 1} name
                  </label>
                  <input
                    id={`feature-${index}-name`}
                    {...register(`features.${index}.name`)}
                    className={input}
                    aria-invalid={!!rowErrors?.name}
                    placeholder="feature_name"
                  />
                  <label className="sr-only" htmlFor={`feature-${index}-dtype`}>
                    Feature {index + 1} dtype
                  </label>
                  <select id={`feature-${index}-dtype`} {...register(`features.${index}.dtype`)} className={input}>
                    {DTYPES.map((dtype) => (
                      <option key={dtype}>{dtype}</option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className={buttonClass()}
                    onClick={() => features.remove(index)}
                    aria-label={`Remove feature ${index + 1}`}
                  >
                    ✕
                  </button>
                  <label className="sr-only" htmlFor={`feature-${index}-description`}>
                    Feature {index + 1} description
                  </label>
                  <input
                    id={`feature-${index}-description`}
                    {...register(`features.${index}.description`)}
                    className={`${input} col-span-3`}
                    placeholder="What it means"
                  />
                  {rowErrors?.name?.message ? (
                    <span role="alert" className={`col-span-3 text-xs ${errorTextClass}`}>
                      {rowErrors.name.message}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonClass()}
              onClick={() => features.append({ name: "", dtype: "float64", description: "" })}
            >
              Add feature
            </button>
            {columns?.list ? (
              <button type="button" className={buttonClass()} onClick={() => columns.list && prefillFrom(columns.list)}>
                Replace with the MV&apos;s columns
              </button>
            ) : null}
          </div>
        </fieldset>
        <section aria-labelledby="live-check-heading" className={cardClass()}>
          <h2 id="live-check-heading" className="mb-2 text-sm font-semibold">
            Live schema check
          </h2>
          {columnsError ? (
            <SchemaCheckTable check={{ status: "unavailable", reason: columnsError }} />
          ) : liveCheck ? (
            <SchemaCheckTable check={liveCheck} />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Choose a materialized view to compare the declared features with its real columns.
            </p>
          )}
        </section>
      </div>

      {preview ? (
        <section aria-labelledby="plan-heading" className="rounded-lg border-2 border-tide-500 bg-white p-4 dark:bg-slate-900">
          <h2 id="plan-heading" className="mb-3 text-base font-semibold">
            Review the plan
          </h2>
          <PlanView plan={preview.plan} />
          {preview.check.status !== "ok" ? (
            <div className="mt-3">
              <SchemaCheckTable check={preview.check} />
            </div>
          ) : null}
          <div className="mt-4 flex gap-2">
            <button type="button" className={buttonClass("primary")} onClick={confirm} disabled={busy || preview.plan.kind === "unchanged"}>
              {busy ? "Saving…" : mode === "create" ? "Confirm and register" : "Confirm and save"}
            </button>
            <button type="button" className={buttonClass()} onClick={() => setPreview(null)}>
              Back to editing
            </button>
          </div>
        </section>
      ) : (
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("primary")} disabled={busy}>
            {busy ? "Checking…" : "Review changes"}
          </button>
          <Link href={mode === "edit" ? `/groups/${initial.name}` : "/groups"} className={buttonClass()}>
            Cancel
          </Link>
        </div>
      )}
    </form>
  );
}
