// A dbt manifest.json (schema v12: dbt 1.8 to 1.11), read only as far as Tideline needs it: the
// project, its models (materialization, meta, documented columns, depends_on) and its sources.
// Hostile input is refused before JSON.parse builds it: size, nesting depth.
import { z } from "zod";

export const MANIFEST_SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/manifest/v12.json";
/** Large dbt projects write manifests of tens of MiB; more than this is refused unread. */
export const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
/** A real manifest nests about 10 deep (nodes → model → columns → column → meta → …). */
export const MAX_MANIFEST_DEPTH = 64;

export class ManifestError extends Error {
  constructor(
    readonly status: 400 | 413 | 422,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

const text = z.string().max(100_000);
const meta = z.record(z.string(), z.unknown()).nullish();
const ColumnSchema = z.object({ name: text, description: text.nullish(), data_type: z.string().max(200).nullish(), meta });
const ModelSchema = z.object({
  unique_id: z.string().min(1).max(1_000),
  name: z.string().min(1).max(1_000),
  schema: z.string().min(1).max(1_000),
  alias: z.string().max(1_000).nullish(),
  package_name: z.string().max(1_000),
  original_file_path: z.string().max(2_000),
  description: text.nullish(),
  tags: z.array(z.string().max(200)).max(100).nullish(),
  meta,
  config: z
    .object({
      materialized: z.string().max(100).nullish(),
      enabled: z.boolean().nullish(),
      meta,
      tags: z.union([z.string().max(200), z.array(z.string().max(200)).max(100)]).nullish(),
    })
    .nullish(),
  columns: z.record(z.string(), ColumnSchema).nullish(),
  depends_on: z.object({ nodes: z.array(z.string().max(1_000)).max(10_000).nullish() }).nullish(),
});
const SourceSchema = z.object({
  unique_id: z.string().min(1).max(1_000),
  name: z.string().min(1).max(1_000),
  source_name: z.string().min(1).max(1_000),
  schema: z.string().min(1).max(1_000),
  identifier: z.string().max(1_000).nullish(),
  description: text.nullish(),
  source_description: text.nullish(),
  loader: z.string().max(200).nullish(),
});
const ManifestSchema = z.object({
  metadata: z.object({
    dbt_schema_version: z.string().max(200),
    dbt_version: z.string().max(100).nullish(),
    generated_at: z.string().max(100),
    project_name: z.string().max(1_000).nullish(),
  }),
  nodes: z.record(z.string(), z.unknown()),
  sources: z.record(z.string(), SourceSchema),
});

export type DbtModel = z.infer<typeof ModelSchema>;
export type DbtSource = z.infer<typeof SourceSchema>;
export type DbtManifest = {
  project: string;
  generatedAt: string;
  dbtVersion: string | null;
  models: DbtModel[];
  sources: DbtSource[];
};

/** The deepest nesting of arrays and objects in a JSON text, strings skipped; stops counting past `limit`. */
export function jsonDepth(json: string, limit = MAX_MANIFEST_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < json.length; index++) {
    const char = json.charCodeAt(index);
    if (inString) {
      if (char === 92)
        index++; // backslash: skip the escaped character
      else if (char === 34) inString = false;
      continue;
    }
    if (char === 34) inString = true;
    else if (char === 123 || char === 91) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (char === 125 || char === 93) depth--;
  }
  return deepest;
}

const issuesOf = (error: z.ZodError, prefix: string[] = []) =>
  error.issues.slice(0, 50).map((issue) => ({ path: [...prefix, ...issue.path.map(String)].join("."), message: issue.message }));

/** Reads a manifest.json text: 413 too large, 400 not JSON or too deep, 422 not a v12 manifest or missing fields. */
export function readManifest(json: string): DbtManifest {
  if (Buffer.byteLength(json) > MAX_MANIFEST_BYTES)
    throw new ManifestError(413, `the manifest is over ${MAX_MANIFEST_BYTES / 1024 / 1024} MiB`);
  if (jsonDepth(json) > MAX_MANIFEST_DEPTH)
    throw new ManifestError(400, `the manifest nests deeper than ${MAX_MANIFEST_DEPTH} levels: not a dbt manifest`);
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch (error) {
    throw new ManifestError(400, `the manifest is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const version = (body as { metadata?: { dbt_schema_version?: unknown } } | null)?.metadata?.dbt_schema_version;
  if (typeof version === "string" && version !== MANIFEST_SCHEMA_VERSION) {
    const found = /manifest\/(v\d+)\.json$/.exec(version)?.[1] ?? version.slice(0, 100);
    throw new ManifestError(
      422,
      `manifest schema ${found} is not supported: Tideline reads v12 (dbt 1.8 to 1.11); run dbt parse with a current dbt`,
    );
  }
  const parsed = ManifestSchema.safeParse(body);
  if (!parsed.success) throw new ManifestError(422, "not a dbt manifest: fields are missing or of the wrong type", issuesOf(parsed.error));
  const models: DbtModel[] = [];
  const problems: { path: string; message: string }[] = [];
  for (const [id, node] of Object.entries(parsed.data.nodes)) {
    if ((node as { resource_type?: unknown } | null)?.resource_type !== "model") continue;
    const model = ModelSchema.safeParse(node);
    if (model.success) models.push(model.data);
    else problems.push(...issuesOf(model.error, ["nodes", id]));
  }
  if (problems.length > 0) throw new ManifestError(422, "not a dbt manifest: models have missing or mistyped fields", problems);
  const { metadata } = parsed.data;
  return {
    project: metadata.project_name ?? models[0]?.package_name ?? "dbt",
    generatedAt: metadata.generated_at,
    dbtVersion: metadata.dbt_version ?? null,
    models,
    sources: Object.values(parsed.data.sources),
  };
}
