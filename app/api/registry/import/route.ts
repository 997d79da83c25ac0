import { z } from "zod";
import { authorizeGroupChange, registryWriter, writerOf } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http";
import { getGroups } from "@/lib/registry/groups";
import { applyImport, planImport } from "@/lib/registry/import";
import { parseDefinitions } from "@/lib/yaml/definitions";

export const dynamic = "force-dynamic";
const MAX_BYTES = 5 * 1024 * 1024;
const FilesSchema = z.object({ files: z.array(z.object({ name: z.string().min(1).max(500), text: z.string() })).min(1).max(1_000) });

/** Raw YAML (any content type but JSON) or `{files: [{name, text}]}`; `?dryRun=1` only plans. */
async function readDocuments(request: Request) {
  const text = await request.text();
  if (text.length > MAX_BYTES) throw new AppError(422, `the upload is over ${MAX_BYTES / 1024 / 1024} MiB`);
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) return [{ text, file: "upload.yaml" }];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError(400, "the request body is not valid JSON");
  }
  return FilesSchema.parse(body).files.map((file) => ({ text: file.text, file: file.name }));
}

export function POST(request: Request) {
  return handle(async () => {
    const documents = await readDocuments(request);
    const dryRun = ["1", "true"].includes(new URL(request.url).searchParams.get("dryRun") ?? "");
    if (dryRun) {
      const plan = await planImport(documents);
      return Response.json(plan, { status: plan.problems.length > 0 ? 422 : 200 });
    }
    // Every group in the upload is checked before anything is written: all or nothing.
    const writer = await writerOf(request);
    const definitions = documents.flatMap(({ text, file }) => parseDefinitions(text, file).definitions.map((item) => item.definition));
    const stored = await getGroups(definitions.map((definition) => definition.name));
    for (const definition of definitions) authorizeGroupChange(writer, definition.name, stored.get(definition.name)?.definition, definition);
    return Response.json(await applyImport(documents, registryWriter(writer)));
  });
}
