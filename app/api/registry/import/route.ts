import { z } from "zod";
import { authorizeGroupChange, importingUser, registryWriter, writerOf } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { defineRoute } from "@/lib/api/define-route";
import { assertCacheTemplatesFreeOfSinks } from "@/lib/registry/cache-keys";
import { getGroups } from "@/lib/registry/groups";
import { applyImport, planImport } from "@/lib/registry/import";
import { parseDefinitions } from "@/lib/yaml/definitions";

export const dynamic = "force-dynamic";
// A registry of 1,000 groups is about 1 MiB of YAML; planning more at once holds the server for seconds.
const MAX_BYTES = 1024 * 1024;
const MAX_DOCUMENTS = 1_000;
/** Imports (dry runs included) per user per minute. */
const IMPORTS_PER_MINUTE = 20;
const FilesSchema = z.object({
  files: z
    .array(z.object({ name: z.string().min(1).max(500), text: z.string() }))
    .min(1)
    .max(MAX_DOCUMENTS),
});

/** Raw YAML (any content type but JSON) or `{files: [{name, text}]}`; `?dryRun=1` only plans. */
async function readDocuments(request: Request) {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BYTES) throw new AppError(413, `the upload is over ${MAX_BYTES / 1024 / 1024} MiB`);
  if ((text.match(/^---/gm)?.length ?? 0) > MAX_DOCUMENTS) throw new AppError(413, `at most ${MAX_DOCUMENTS} YAML documents per upload`);
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) return [{ text, file: "upload.yaml" }];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError(400, "the request body is not valid JSON");
  }
  return FilesSchema.parse(body).files.map((file) => ({ text: file.text, file: file.name }));
}

export const POST = defineRoute(
  {
    summary:
      "Imports YAML definitions, all or nothing: a raw YAML body or `{files: [{name, text}]}` as JSON; ?dryRun=1 only plans. A signed-in user or token (a writer to apply), at most 1 MiB, 20 a minute.",
    access: "read",
    query: z.object({ dryRun: z.string().max(10).optional().describe("1 or true: plan only") }),
  },
  async ({ request, query }) => {
    await importingUser(request, "import", IMPORTS_PER_MINUTE, "YAML");
    const documents = await readDocuments(request);
    if (["1", "true"].includes(query.dryRun ?? "")) {
      const plan = await planImport(documents);
      return Response.json(plan, { status: plan.problems.length > 0 ? 422 : 200 });
    }
    // Every group in the upload is checked before anything is written: all or nothing.
    const writer = await writerOf(request);
    const definitions = documents.flatMap(({ text, file }) => parseDefinitions(text, file).definitions.map((item) => item.definition));
    const stored = await getGroups(definitions.map((definition) => definition.name));
    for (const definition of definitions)
      authorizeGroupChange(writer, definition.name, stored.get(definition.name)?.definition, definition);
    await assertCacheTemplatesFreeOfSinks(definitions);
    return applyImport(documents, registryWriter(writer));
  },
);
