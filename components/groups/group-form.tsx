"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useFieldArray, useFormState, useWatch } from "react-hook-form";
import { buttonClass } from "@/components/ui/button-link";
import { fetchJson } from "@/lib/fetch-json";
import { MvColumnsSchema, StoredGroupSchema } from "@/lib/schemas/responses";
import { dtypeOfColumn } from "@/lib/groups/dtypes";
import type { ChangePlan } from "@/lib/groups/plan";
import { checkSchema, type LiveColumn, type SchemaCheck } from "@/lib/groups/schema-check";
import type { ActionResult } from "@/lib/action-result";
import { DTYPES } from "@/lib/schemas/feature-group";
import {
  GroupFormSchema,
  definitionToForm,
  formFieldForIssue,
  entityNameFor,
  formToDefinitionInput,
  type GroupFormValues,
} from "@/lib/schemas/group-form";
import type { FeatureGroupDefinition } from "@/lib/schemas/feature-group";
import { mergeDefinitions } from "@/lib/groups/merge";
import { Notice } from "@/components/ui/notice";
import { FormField, inputClass } from "@/components/form/field";
import { FormAlert } from "@/components/form/form-alert";
import { useActionForm } from "@/components/form/use-action-form";
import { PlanView } from "./plan-view";
import { SchemaCheckTable } from "./schema-check-table";
import { cardClass, errorTextClass } from "@/components/ui/surface";
import type { Availability } from "@/lib/health/availability";

type MvOption = { name: string; status: string };
type Preview = { plan: ChangePlan; check: Availability<SchemaCheck> };
type Props = {
  mode: "create" | "edit";
  initial: GroupFormValues;
  version: number | null;
  materializedViews: MvOption[] | null;
  risingwaveError?: string;
  /** Server actions (app/groups/actions.ts), passed in so components never import from app/. */
  preview: (input: unknown, version: number | null) => Promise<ActionResult<Preview>>;
  save: (input: unknown, version: number | null) => Promise<ActionResult<{ name: string; version: number }>>;
};

const input = inputClass();

const fetchColumns = async (mv: string): Promise<LiveColumn[] | null> =>
  (await fetchJson(`/api/risingwave/materialized-views?columns=${encodeURIComponent(mv)}`, MvColumnsSchema)).columns;

export function GroupForm({
  mode,
  initial,
  version: loadedVersion,
  materializedViews,
  risingwaveError,
  preview: previewAction,
  save: saveAction,
}: Props) {
  // After a conflict the editor can move onto the other save: its version and definition become the base.
  const [version, setVersion] = useState(loadedVersion);
  const [base, setBase] = useState<Record<string, unknown>>(() => formToDefinitionInput(initial));
  const [rebased, setRebased] = useState<{ version: number; conflicts: string[] } | null>(null);
  const [rebaseError, setRebaseError] = useState<string | null>(null);
  const router = useRouter();
  const {
    form,
    pending: busy,
    serverError,
    clearServerError,
    run,
    submitTo,
  } = useActionForm({
    schema: GroupFormSchema,
    defaultValues: initial,
    fieldForIssue: (path) => formFieldForIssue(path.split(".")),
  });
  const { register, control, setValue, getValues } = form;
  const features = useFieldArray({ control, name: "features" });
  const values = useWatch({ control }) as GroupFormValues;
  const [columns, setColumns] = useState<{ mv: string; list: LiveColumn[] | null } | null>(null);
  const [columnsError, setColumnsError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const planHeading = useRef<HTMLHeadingElement>(null);
  // The plan opens below the form: bring it into view and read it out, wherever the owner was.
  useEffect(() => {
    if (!preview) return;
    planHeading.current?.closest("section")?.scrollIntoView({ block: "start", behavior: "smooth" });
    planHeading.current?.focus({ preventScroll: true });
  }, [preview]);

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
    // user_id → user, (user_id, category) → user_category: a sensible name that the owner can still change.
    if (!getValues("entityName") && keys.length > 0) setValue("entityName", entityNameFor(keys));
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

  const review = submitTo((values) => previewAction(formToDefinitionInput(values), version), setPreview);

  const confirm = () =>
    run(
      () => saveAction(formToDefinitionInput(getValues()), version),
      (saved) => {
        router.push(`/groups/${saved.name}?saved=${saved.version}`);
        router.refresh();
      },
      () => setPreview(null),
    );

  /** A three-way merge: the other save's definition with this editor's changes re-applied on top. */
  const keepMyEdits = async () => {
    const stored = await fetchJson(`/api/groups/${encodeURIComponent(initial.name)}`, StoredGroupSchema).catch((error: Error) => {
      setRebaseError(`their version could not be loaded: ${error.message}`);
      return null;
    });
    if (!stored) return;
    const { merged, conflicts } = mergeDefinitions(base, formToDefinitionInput(getValues()), stored.definition);
    form.reset(definitionToForm(merged as FeatureGroupDefinition));
    setVersion(stored.version);
    setBase(stored.definition);
    setRebased({ version: stored.version, conflicts });
    setRebaseError(null);
    setPreview(null);
    clearServerError();
  };

  return (
    <FormProvider {...form}>
      <form
        onSubmit={review}
        noValidate
        className="space-y-6"
        aria-label={mode === "create" ? "Register a feature group" : "Edit feature group"}
      >
        <FormAlert error={serverError} title={serverError?.status === 409 ? "Conflict: not saved" : "Not saved"}>
          {serverError?.status === 409 && mode === "edit" ? (
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <button type="button" className={buttonClass("primary")} onClick={() => void keepMyEdits()}>
                Keep my edits on top of their version
              </button>
              <Link href={`/groups/${initial.name}`} target="_blank" className="underline">
                Open their version in a new tab
              </Link>
              {rebaseError ? <span>{rebaseError}</span> : null}
            </div>
          ) : null}
        </FormAlert>
        {rebased ? (
          <Notice>
            Now editing version {rebased.version}, saved by someone else meanwhile, with your edits re-applied on top. Review the plan: it
            shows only what you change in their version.
            {rebased.conflicts.length > 0 ? ` You both changed ${rebased.conflicts.join(", ")}: your value is kept.` : ""}
          </Notice>
        ) : null}

        <fieldset className={`grid gap-4 sm:grid-cols-2 ${cardClass()}`}>
          <legend className="px-1 text-sm font-semibold">Group</legend>
          <FormField name="name" label="Name" hint="snake_case; cannot change later">
            <input {...register("name")} className={input} readOnly={mode === "edit"} placeholder="user_features_1h" />
          </FormField>
          <FormField name="owner" label="Owner">
            <input {...register("owner")} className={input} placeholder="team-or-person@example.com" />
          </FormField>
          <FormField name="description" label="Description" className="sm:col-span-2">
            <textarea {...register("description")} rows={2} className={input} />
          </FormField>
          <FormField name="team" label="Team">
            <input {...register("team")} className={input} />
          </FormField>
          <FormField name="tags" label="Tags" hint="comma-separated">
            <input {...register("tags")} className={input} placeholder="user, realtime" />
          </FormField>
          <FormField name="freshness_sla_seconds" label="Freshness SLA (seconds)">
            <input {...register("freshness_sla_seconds")} inputMode="numeric" className={input} />
          </FormField>
          <FormField
            name="status"
            label="Status"
            hint="planned: the MV is not created yet; the check against its columns is waived, and the history says so"
          >
            <select {...register("status")} className={input}>
              <option value="active">active</option>
              <option value="draft">draft</option>
              <option value="planned">planned</option>
              <option value="deprecated">deprecated</option>
            </select>
          </FormField>
        </fieldset>

        <fieldset className={`grid gap-4 sm:grid-cols-2 ${cardClass()}`}>
          <legend className="px-1 text-sm font-semibold">Source in RisingWave</legend>
          <FormField
            name="materialized_view"
            label="Materialized view"
            hint={
              materializedViews
                ? "Picking one fills the features from its columns."
                : `RisingWave is unreachable (${risingwaveError}); type the name.`
            }
          >
            {materializedViews ? (
              <select
                {...register("materialized_view", {
                  onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
                    setPreview(null);
                    loadColumns(event.target.value, true);
                  },
                })}
                className={input}
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
              <input {...register("materialized_view")} className={input} />
            )}
          </FormField>
          <FormField name="timestamp_column" label="Event-time column">
            <input {...register("timestamp_column")} className={input} list="mv-columns" />
          </FormField>
          <FormField name="entityName" label="Entity">
            <input {...register("entityName")} className={input} placeholder="user" />
          </FormField>
          <FormField name="entityKeys" label="Entity key columns">
            <input {...register("entityKeys")} className={input} placeholder="user_id" />
          </FormField>
          <datalist id="mv-columns">
            {(columns?.list ?? []).map((column) => (
              <option key={column.name} value={column.name} />
            ))}
          </datalist>
        </fieldset>

        <fieldset className={`grid gap-4 sm:grid-cols-3 ${cardClass()}`}>
          <legend className="px-1 text-sm font-semibold">Online store and snapshots</legend>
          <FormField name="redisKind" label="Redis layout">
            <select {...register("redisKind")} className={input}>
              <option value="">none</option>
              <option value="json">json (sink key: compact JSON primary key)</option>
              <option value="template">template (sink key_format)</option>
              <option value="hash">hash (serving cache)</option>
            </select>
          </FormField>
          <FormField name="redisKeyTemplate" label="Redis key template">
            <input {...register("redisKeyTemplate")} className={input} placeholder="features:user:{user_id}" />
          </FormField>
          <FormField name="redisTtlSeconds" label="Redis TTL (seconds)">
            <input {...register("redisTtlSeconds")} inputMode="numeric" className={input} />
          </FormField>
          <FormField name="snapshotPath" label="Snapshot path in the archive" className="sm:col-span-3">
            <input {...register("snapshotPath")} className={input} placeholder="snapshots/user_features_1h" />
          </FormField>
        </fieldset>

        <div className="grid gap-6 lg:grid-cols-2">
          <fieldset className={cardClass()}>
            <legend className="px-1 text-sm font-semibold">Features ({features.fields.length})</legend>
            <FeatureListError />
            <ul className="space-y-2">
              {features.fields.map((field, index) => (
                <li key={field.id} className="grid grid-cols-[1fr_8rem_auto] gap-2">
                  <FormField name={`features.${index}.name`} label={`Feature ${index + 1} name`} hideLabel>
                    <input {...register(`features.${index}.name`)} className={input} placeholder="feature_name" />
                  </FormField>
                  <FormField name={`features.${index}.dtype`} label={`Feature ${index + 1} dtype`} hideLabel>
                    <select {...register(`features.${index}.dtype`)} className={input}>
                      {DTYPES.map((dtype) => (
                        <option key={dtype}>{dtype}</option>
                      ))}
                    </select>
                  </FormField>
                  <button
                    type="button"
                    className={`${buttonClass()} self-start`}
                    onClick={() => features.remove(index)}
                    aria-label={`Remove feature ${index + 1}`}
                  >
                    ✕
                  </button>
                  <FormField
                    name={`features.${index}.description`}
                    label={`Feature ${index + 1} description`}
                    hideLabel
                    className="col-span-3"
                  >
                    <input {...register(`features.${index}.description`)} className={input} placeholder="What it means" />
                  </FormField>
                </li>
              ))}
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
              <SchemaCheckTable check={{ ok: false, unavailable: { backend: "risingwave", reason: columnsError } }} />
            ) : liveCheck ? (
              <SchemaCheckTable check={{ ok: true, value: liveCheck }} />
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Choose a materialized view to compare the declared features with its real columns.
              </p>
            )}
          </section>
        </div>

        {preview ? (
          <section
            aria-labelledby="plan-heading"
            className="scroll-mt-24 rounded-lg border-2 border-tide-500 bg-white p-4 dark:bg-slate-900"
          >
            <h2 id="plan-heading" ref={planHeading} tabIndex={-1} className="mb-3 text-base font-semibold focus:outline-none">
              Review the plan
            </h2>
            <PlanView plan={preview.plan} />
            {!preview.check.ok || preview.check.value.status !== "ok" ? (
              <div className="mt-3">
                <SchemaCheckTable check={preview.check} />
              </div>
            ) : null}
            <div className="mt-4 flex gap-2">
              <button
                type="button"
                className={buttonClass("primary")}
                onClick={confirm}
                disabled={busy || preview.plan.kind === "unchanged"}
              >
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
    </FormProvider>
  );
}

/** An issue about the list as a whole ("at least one feature", duplicate names). */
function FeatureListError() {
  const { errors } = useFormState<GroupFormValues>({ name: "features" });
  const message = errors.features?.message ?? errors.features?.root?.message;
  return message ? (
    <p role="alert" className={`text-xs ${errorTextClass}`}>
      {message}
    </p>
  ) : null;
}
