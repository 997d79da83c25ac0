import { z } from "zod";
import { DriftThresholdsSchema } from "../drift/thresholds";

/** Feature dtypes Tideline understands; RisingWave column types map onto these in lib/registry/dtypes.ts. */
/** planned: registered before its MV exists (the live schema check is waived, on the record). */
export const GROUP_STATUSES = ["planned", "draft", "active", "deprecated"] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const DTYPES = ["int32", "int64", "float32", "float64", "decimal", "string", "bool", "timestamp", "date", "json", "bytes"] as const;
export type Dtype = (typeof DTYPES)[number];

/** The one rule for group, feature, column and entity names: snake_case, a PostgreSQL identifier. */
const SNAKE_CASE = /^[a-z][a-z0-9_]{0,62}$/;
export const isSnakeCaseName = (name: string) => SNAKE_CASE.test(name);

const snakeCase = z
  .string()
  .min(1, "required")
  .max(63, "at most 63 characters (a PostgreSQL identifier)")
  .regex(SNAKE_CASE, "use snake_case: lowercase letters, digits and _; start with a letter");

/** A feature group's name where one is referenced (URLs, API bodies): the same rule as when it is registered. */
export const GroupNameSchema = snakeCase;

export const FeatureSchema = z.object({
  name: snakeCase,
  dtype: z.enum(DTYPES),
  description: z.string().max(2_000).default(""),
});

/** A cache key template: `{column}` placeholders (at most 4) with literal text between them. */
export const MAX_KEY_PLACEHOLDERS = 4;
const TEMPLATE_CHARACTERS = /^(?:[A-Za-z0-9_:.\-/|#@=]|\\[{}]|\{[a-z][a-z0-9_]*\})+$/;

/** What is wrong with a key template, or null: characters, placeholder count, literal text between placeholders, key columns only. */
export function keyTemplateProblem(template: string, keys: string[] | undefined): string | null {
  if (!TEMPLATE_CHARACTERS.test(template))
    return "use letters, digits, _ : . - / | # @ = and {column} placeholders (\\{ \\} for literal braces)";
  const placeholders = [...template.matchAll(/(?<!\\)\{([a-z][a-z0-9_]*)\}/g)].map((match) => match[1] as string);
  if (placeholders.length === 0) return "needs a {column} placeholder: a constant key would hold every entity";
  if (template.startsWith("{"))
    return "start with a literal prefix (features:user:{user_id}): a bare placeholder can produce any other key";
  if (placeholders.length > MAX_KEY_PLACEHOLDERS) return `at most ${MAX_KEY_PLACEHOLDERS} placeholders`;
  if (/(?<!\\)\}\{/.test(template)) return "put literal text between placeholders ({a}:{b}, not {a}{b})";
  const unknown = placeholders.find((column) => keys && !keys.includes(column));
  return unknown ? `{${unknown}} is not a key column (${keys?.join(", ")})` : null;
}

/** Names the catalog's own pages use under /groups/. */
const RESERVED_GROUP_NAMES = ["new", "import"];

export const FeatureGroupSchema = z
  .object({
    name: snakeCase.refine((name) => !RESERVED_GROUP_NAMES.includes(name), "this name is reserved by the catalog's pages"),
    description: z.string().max(5_000).default(""),
    owner: z.string().min(1, "an owner is required").max(200),
    team: z.string().min(1).max(100).optional(),
    tags: z
      .array(
        z
          .string()
          .min(1)
          .max(50)
          .regex(/^[a-z0-9][a-z0-9_.-]*$/, "tags are lowercase words"),
      )
      .max(30)
      .default([]),
    entity: z.object({ name: snakeCase, keys: z.array(snakeCase).min(1, "at least one key column") }).optional(),
    freshness_sla_seconds: z
      .number({ error: "a number of seconds is required" })
      .int("whole seconds")
      .positive("must be above 0")
      .max(31 * 24 * 3600, "at most 31 days"),
    materialized_view: snakeCase,
    timestamp_column: snakeCase.optional(),
    redis: z
      .object({
        kind: z.enum(["json", "template", "hash"]),
        key_template: z.string().min(1).max(500).optional(),
        ttl_seconds: z.number({ error: "a number of seconds" }).int("whole seconds").positive("must be above 0").optional(),
      })
      .optional(),
    snapshot: z.object({ path: z.string().min(1).max(500) }).optional(),
    /** The group's other versions (blue-green): MVs beside the serving one, e.g. user_features_1h_v2 while it backfills. */
    versions: z.array(snakeCase).max(20, "at most 20 versions").optional(),
    /** Drift thresholds (lib/drift/thresholds.ts); defaults apply where absent. */
    drift: DriftThresholdsSchema.optional(),
    status: z.enum(GROUP_STATUSES).default("active"),
    features: z.array(FeatureSchema).min(1, "declare at least one feature"),
  })
  .superRefine((group, ctx) => {
    group.versions?.forEach((version, index) => {
      if (version === group.materialized_view)
        ctx.addIssue({ code: "custom", path: ["versions", index], message: "the serving materialized_view is not another version" });
      else if (group.versions?.indexOf(version) !== index)
        ctx.addIssue({ code: "custom", path: ["versions", index], message: `duplicate version ${version}` });
    });
    const seen = new Set<string>();
    group.features.forEach((feature, index) => {
      if (seen.has(feature.name))
        ctx.addIssue({ code: "custom", path: ["features", index, "name"], message: `duplicate feature ${feature.name}` });
      seen.add(feature.name);
    });
    if (group.redis && group.redis.kind !== "json" && !group.redis.key_template) {
      ctx.addIssue({ code: "custom", path: ["redis", "key_template"], message: `a ${group.redis.kind} key needs key_template` });
    }
    const problem = group.redis?.key_template ? keyTemplateProblem(group.redis.key_template, group.entity?.keys) : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["redis", "key_template"], message: problem });
  });

/** A feature group definition as written in YAML and forms (snake_case keys, as in the seed). */
export type FeatureGroupDefinition = z.infer<typeof FeatureGroupSchema>;
export type FeatureGroupInput = z.input<typeof FeatureGroupSchema>;
