// Tideline's command line: validate YAML definitions against RisingWave, import and export the registry.
//   tideline validate <files or folders> [--json] [--risingwave-url URL]
//   tideline validate --dbt target/manifest.json [--json] [--risingwave-url URL]
//   tideline import <files or folders> [--dry-run] [--url http://localhost:3000] [--token T]
//   tideline import --dbt target/manifest.json [--dry-run] [--url …] [--token T]
//   tideline export [--out FILE] [--url http://localhost:3000] [--token T]
// Exit codes: 0 all good, 1 problems found, 2 usage or connection errors.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ManifestError } from "../lib/dbt/manifest";
import { loadEnvDefaults } from "../lib/env-file";
import { readYamlInputs } from "./files";

const USAGE = `usage:
  tideline validate <files or folders> [--json] [--risingwave-url URL]
  tideline validate --dbt target/manifest.json [--json] [--risingwave-url URL]
  tideline import <files or folders> [--dry-run] [--url URL] [--token TOKEN]
  tideline import --dbt target/manifest.json [--dry-run] [--url URL] [--token TOKEN]
  tideline export [--out FILE] [--url URL] [--token TOKEN]`;

class UsageError extends Error {}

/** The CLI reads the same variables as the app; unset ones fall back to .env, then Tideline's .env.example. */
function loadEnvironment(risingwaveUrl: string | undefined) {
  if (risingwaveUrl) process.env.RISINGWAVE_URL = risingwaveUrl;
  const packageRoot = path.resolve(import.meta.dirname, "..");
  loadEnvDefaults([path.resolve(".env"), path.join(packageRoot, ".env"), path.join(packageRoot, ".env.example")]);
}

async function readManifestFile(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function validate(inputs: string[], json: boolean, manifest: string | undefined): Promise<number> {
  // Imported after loadEnvironment: lib/env validates the environment when first loaded.
  const { validateDefinitions, validateDbtManifest } = await import("./validate");
  const results = manifest
    ? await validateDbtManifest(await readManifestFile(manifest)).catch((error: unknown) => {
        if (error instanceof ManifestError) {
          if (json) console.log(JSON.stringify({ ok: false, error: error.message, issues: error.issues }, null, 2));
          else
            console.log(
              `FAIL  ${manifest}: ${error.message}${error.issues.map((issue) => `\n      ${issue.path}: ${issue.message}`).join("")}`,
            );
          return null;
        }
        throw error;
      })
    : await validateDefinitions(await readYamlInputs(inputs));
  if (results === null) return 1;
  const failed = results.filter((result) => !result.ok);
  if (json) {
    console.log(JSON.stringify({ ok: failed.length === 0, results }, null, 2));
  } else {
    for (const result of results) {
      const where = result.line > 0 ? `${result.file}:${result.line}` : result.file;
      const group = result.group ?? "(unparsed document)";
      if (result.ok) console.log(`ok    ${where} ${group}`);
      for (const problem of result.problems) console.log(`FAIL  ${where} ${group}: ${problem}`);
    }
    console.log(
      `\n${results.length - failed.length} of ${results.length} definition(s) match RisingWave${failed.length ? `; ${failed.length} with problems` : ""}`,
    );
  }
  if (results.length === 0)
    throw new UsageError(manifest ? `${manifest} declares no feature group (no model with meta.tideline)` : "no .yaml or .yml files found");
  return failed.length === 0 ? 0 : 1;
}

async function callApi(baseUrl: string, token: string | undefined, pathname: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  try {
    return await fetch(new URL(pathname, baseUrl), { ...init, headers });
  } catch (error) {
    throw new Error(`cannot reach Tideline at ${baseUrl}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function importFiles(inputs: string[], options: { dryRun: boolean; url: string; token?: string }): Promise<number> {
  const files = (await readYamlInputs(inputs)).map(({ file, text }) => ({ name: file, text }));
  const response = await callApi(options.url, options.token, `/api/registry/import${options.dryRun ? "?dryRun=1" : ""}`, {
    method: "POST",
    body: JSON.stringify({ files }),
    headers: { "content-type": "application/json" },
  });
  const body = await response.json();
  if (response.status === 422) {
    for (const issue of body.issues ?? body.problems ?? [])
      console.log(`FAIL  ${issue.file ?? issue.path}:${issue.line}:${issue.column} ${issue.message}`);
    return 1;
  }
  if (!response.ok) throw new Error(`${response.status}: ${body.error ?? "import failed"}`);
  const plan = options.dryRun ? body : body.plan;
  for (const item of plan.items) console.log(`${item.plan.kind.padEnd(9)} ${item.plan.name} (${item.file}:${item.line})`);
  console.log(
    `\n${options.dryRun ? "would create" : "created"} ${plan.summary.create}, ${options.dryRun ? "would update" : "updated"} ${plan.summary.update}, unchanged ${plan.summary.unchanged}`,
  );
  return 0;
}

async function importManifest(file: string, options: { dryRun: boolean; url: string; token?: string }): Promise<number> {
  const response = await callApi(options.url, options.token, `/api/registry/import/dbt${options.dryRun ? "?dryRun=1" : ""}`, {
    method: "POST",
    body: await readManifestFile(file),
    headers: { "content-type": "application/json" },
  });
  const body = await response.json();
  if ([409, 413, 422, 400].includes(response.status)) {
    const reasons = [...(body.issues ?? []), ...(body.items ?? []).filter((item: { reason: string | null }) => item.reason)];
    const problems = (body.problems ?? []).map((problem: { uniqueId: string; path: string; message: string }) => ({
      path: `${problem.uniqueId}:${problem.path}`,
      message: problem.message,
    }));
    console.log(`FAIL  ${body.error ?? `${file}: ${body.summary?.conflict ?? 0} conflict(s), ${problems.length} problem(s)`}`);
    for (const issue of [...reasons, ...problems]) console.log(`      ${issue.path ?? issue.uniqueId}: ${issue.message ?? issue.reason}`);
    return 1;
  }
  if (!response.ok) throw new Error(`${response.status}: ${body.error ?? "import failed"}`);
  const plan = options.dryRun ? body : body.plan;
  for (const item of plan.items) console.log(`${item.kind.padEnd(9)} ${item.name} (${item.uniqueId})`);
  for (const candidate of plan.candidates) console.log(`candidate ${candidate.name} (${candidate.uniqueId}): no meta.tideline block`);
  console.log(
    `\ndbt project ${plan.project}, manifest generated ${plan.generatedAt}: ${options.dryRun ? "would create" : "created"} ${plan.summary.create}, ${options.dryRun ? "would update" : "updated"} ${plan.summary.update}, unchanged ${plan.summary.unchanged}`,
  );
  return 0;
}

async function exportRegistry(options: { url: string; token?: string; out?: string }): Promise<number> {
  const response = await callApi(options.url, options.token, "/api/registry/export");
  if (!response.ok) throw new Error(`${response.status}: export failed`);
  const yaml = await response.text();
  if (options.out) {
    await writeFile(options.out, yaml);
    console.log(`wrote ${options.out}`);
  } else {
    process.stdout.write(yaml);
  }
  return 0;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      "dry-run": { type: "boolean" },
      url: { type: "string" },
      token: { type: "string" },
      out: { type: "string" },
      "risingwave-url": { type: "string" },
      dbt: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...inputs] = positionals;
  if (values.help || !command) throw new UsageError("");
  loadEnvironment(values["risingwave-url"]);
  const url = values.url ?? process.env.TIDELINE_URL ?? "http://localhost:3000";
  const token = values.token ?? process.env.TIDELINE_TOKEN;
  if ((command === "validate" || command === "import") && values.dbt && inputs.length > 0)
    throw new UsageError(`${command} takes YAML files or --dbt <manifest>, not both`);
  if (command === "validate") {
    if (inputs.length === 0 && !values.dbt) throw new UsageError("validate needs files or folders, or --dbt <manifest>");
    return validate(inputs, !!values.json, values.dbt);
  }
  if (command === "import") {
    if (values.dbt) return importManifest(values.dbt, { dryRun: !!values["dry-run"], url, token });
    if (inputs.length === 0) throw new UsageError("import needs files or folders, or --dbt <manifest>");
    return importFiles(inputs, { dryRun: !!values["dry-run"], url, token });
  }
  if (command === "export") return exportRegistry({ url, token, out: values.out });
  throw new UsageError(`unknown command ${command}`);
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      if (error.message) console.error(`tideline: ${error.message}`);
      console.error(USAGE);
    } else {
      console.error(`tideline: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(2);
  });
