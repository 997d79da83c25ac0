import { z } from "zod";
import { authorizeGroupChange, importingUser, registryWriter, writerOf } from "@/lib/auth/guard";
import { defineRoute } from "@/lib/api/define-route";
import { readManifestRequest } from "@/lib/dbt/request";
import { groupsOfManifest } from "@/lib/dbt/groups";
import { assertCacheTemplatesFreeOfSinks } from "@/lib/registry/cache-keys";
import { applyDbtImport, planDbtImport } from "@/lib/registry/dbt-import";
import { getGroups } from "@/lib/registry/groups";

export const dynamic = "force-dynamic";
/** Imports (dry runs included) per user per minute: a manifest can be tens of MiB to parse. */
const IMPORTS_PER_MINUTE = 10;

export const POST = defineRoute(
  {
    summary:
      "Imports the feature groups of a dbt manifest.json (schema v12) as the body, all or nothing: models materialized as materialized views with a meta.tideline block; ?dryRun=1 only plans (create / update / unchanged / conflict, and the candidate models without a block). 409 when a model conflicts with a group defined in YAML, in the UI, by another model or owned by another team.",
    access: "read",
    query: z.object({ dryRun: z.string().max(10).optional().describe("1 or true: plan only") }),
  },
  async ({ request, query }) => {
    await importingUser(request, "import-dbt", IMPORTS_PER_MINUTE, "dbt manifest");
    const manifest = await readManifestRequest(request);
    const declared = groupsOfManifest(manifest);
    if (["1", "true"].includes(query.dryRun ?? "")) {
      const plan = await planDbtImport(manifest, declared);
      return Response.json(plan, { status: plan.problems.length > 0 ? 422 : plan.summary.conflict > 0 ? 409 : 200 });
    }
    // Every group of the manifest is checked before anything is written: all or nothing.
    const writer = await writerOf(request);
    const definitions = declared.groups.map((group) => group.definition);
    const stored = await getGroups(definitions.map((definition) => definition.name));
    for (const definition of definitions)
      authorizeGroupChange(writer, definition.name, stored.get(definition.name)?.definition, definition);
    await assertCacheTemplatesFreeOfSinks(definitions);
    return applyDbtImport(manifest, registryWriter(writer), declared);
  },
);
