import { z } from "zod";
import type { DriftThresholds } from "../drift/thresholds";
import { FeatureGroupSchema, type Dtype, type FeatureGroupDefinition, type FeatureGroupInput, type GroupStatus } from "./feature-group";

/** The group form's fields: flat strings where people type lists ("a, b") or optional sections. */
export type GroupFormValues = {
  name: string;
  description: string;
  owner: string;
  team: string;
  tags: string;
  entityName: string;
  entityKeys: string;
  freshness_sla_seconds: string;
  materialized_view: string;
  timestamp_column: string;
  redisKind: "" | "json" | "template" | "hash";
  redisKeyTemplate: string;
  redisTtlSeconds: string;
  snapshotPath: string;
  status: GroupStatus;
  features: { name: string; dtype: Dtype; description: string }[];
  /** The YAML `drift:` block, carried through unchanged: the form has no fields for it, an edit must not drop it. */
  drift?: DriftThresholds;
  /** The group's other versions, carried through like `drift` (the Versions page switches between them). */
  versions?: string[];
};

const list = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((item) => item.trim())
    .filter(Boolean);
const optional = (text: string) => (text.trim() === "" ? undefined : text.trim());
const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

export const EMPTY_FORM: GroupFormValues = {
  name: "",
  description: "",
  owner: "",
  team: "",
  tags: "",
  entityName: "",
  entityKeys: "",
  freshness_sla_seconds: "300",
  materialized_view: "",
  timestamp_column: "",
  redisKind: "",
  redisKeyTemplate: "",
  redisTtlSeconds: "",
  snapshotPath: "",
  status: "active",
  features: [],
};

export function definitionToForm(definition: FeatureGroupDefinition): GroupFormValues {
  return {
    name: definition.name,
    description: definition.description,
    owner: definition.owner,
    team: definition.team ?? "",
    tags: definition.tags.join(", "),
    entityName: definition.entity?.name ?? "",
    entityKeys: definition.entity?.keys.join(", ") ?? "",
    freshness_sla_seconds: String(definition.freshness_sla_seconds),
    materialized_view: definition.materialized_view,
    timestamp_column: definition.timestamp_column ?? "",
    redisKind: definition.redis?.kind ?? "",
    redisKeyTemplate: definition.redis?.key_template ?? "",
    redisTtlSeconds: definition.redis?.ttl_seconds ? String(definition.redis.ttl_seconds) : "",
    snapshotPath: definition.snapshot?.path ?? "",
    status: definition.status,
    features: definition.features.map((feature) => ({ ...feature })),
    ...(definition.drift ? { drift: definition.drift } : {}),
    ...(definition.versions ? { versions: definition.versions } : {}),
  };
}

/** Form fields → the shared schema's input; validation itself stays in FeatureGroupSchema. */
export function formToDefinitionInput(values: GroupFormValues): FeatureGroupInput {
  const entityName = optional(values.entityName);
  const keys = list(values.entityKeys);
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    owner: values.owner.trim(),
    team: optional(values.team),
    tags: list(values.tags),
    entity: entityName || keys.length > 0 ? { name: entityName ?? "", keys } : undefined,
    freshness_sla_seconds: number(values.freshness_sla_seconds),
    materialized_view: values.materialized_view.trim(),
    timestamp_column: optional(values.timestamp_column),
    redis: values.redisKind
      ? {
          kind: values.redisKind,
          key_template: optional(values.redisKeyTemplate),
          ttl_seconds: optional(values.redisTtlSeconds) === undefined ? undefined : number(values.redisTtlSeconds),
        }
      : undefined,
    snapshot: optional(values.snapshotPath) ? { path: values.snapshotPath.trim() } : undefined,
    status: values.status,
    features: values.features.map((feature) => ({
      name: feature.name.trim(),
      dtype: feature.dtype,
      description: feature.description.trim(),
    })),
    drift: values.drift,
    versions: values.versions,
  };
}

const FIELD_FOR_PATH: Record<string, keyof GroupFormValues> = {
  "entity.name": "entityName",
  "entity.keys": "entityKeys",
  entity: "entityName",
  "redis.kind": "redisKind",
  "redis.key_template": "redisKeyTemplate",
  "redis.ttl_seconds": "redisTtlSeconds",
  "snapshot.path": "snapshotPath",
};

/** Where a schema issue belongs in the form: "entity.keys.0" → "entityKeys", "features.2.dtype" stays. */
export function formFieldForIssue(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === "features" && parts.length >= 3) return parts.slice(0, 3).join(".");
  if (parts[0] === "tags") return "tags";
  return FIELD_FOR_PATH[parts.slice(0, 2).join(".")] ?? FIELD_FOR_PATH[parts[0] ?? ""] ?? parts[0] ?? "root";
}

/**
 * The form's validation: the shared FeatureGroupSchema run on the definition the form makes, its
 * issues moved onto the form's fields (the same placement as the server's issues).
 */
export const GroupFormSchema = z.custom<GroupFormValues>().superRefine((values, context) => {
  const result = FeatureGroupSchema.safeParse(formToDefinitionInput(values));
  if (result.success) return;
  for (const issue of result.error.issues)
    context.addIssue({ code: "custom", message: issue.message, path: formFieldForIssue(issue.path).split(".") });
});

/** An entity name proposed from its key columns: user_id → user, (user_id, category) → user_category. */
export const entityNameFor = (keys: string[]) => keys.map((key) => key.replace(/_id$/, "")).join("_");
