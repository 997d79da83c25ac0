// A dbt manifest with N feature-group models, imported over HTTP as users meet it: `next start` of
// the build in .next on a scratch registry and an emulator with N extra MVs. Next to it, in the same
// run, the baseline: the same N definitions as YAML through POST /api/registry/import (the import
// Tideline had before). Prints the manifest's size, each request's time (dry run, apply, the same
// manifest again), the ratio to YAML and the server's RSS.
// Run: npm run bench:dbt-import   (BENCH_GROUPS, default 1,000; run `npm run build` after a change)
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { stringify } from "yaml";
import { rssMb, runBenchmark, startProcess } from "./support/processes";
import { createScratchDatabases } from "./support/scale";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1_000);
const urls = createScratchDatabases("dbt");

const FEATURES = [
  { name: "feature_a", data_type: "bigint", dtype: "int64" },
  { name: "feature_b", data_type: "double precision", dtype: "float64" },
  { name: "feature_c", data_type: "bigint", dtype: "int64" },
  { name: "feature_d", data_type: "varchar", dtype: "string" },
  { name: "feature_e", data_type: "boolean", dtype: "bool" },
  { name: "updated_at", data_type: "timestamptz", dtype: "timestamp" },
];
const groupName = (index: number) => `feature_group_${String(index).padStart(4, "0")}`;
const settings = (index: number) => ({
  owner: `team${index % 25}@example.com`,
  team: `team${index % 25}`,
  entity: { name: "entity", keys: ["entity_id"] },
  freshness_sla_seconds: 300,
  timestamp_column: "updated_at",
});

/** N models as dbt 1.10 writes them (the fields Tideline reads, plus the usual bulk of a node). */
function manifest(): string {
  const nodes = Object.fromEntries(
    Array.from({ length: GROUPS }, (_, offset) => {
      const name = groupName(offset + 1);
      const uniqueId = `model.bench.${name}`;
      const meta = { tideline: settings(offset + 1) };
      const columns = Object.fromEntries(
        [{ name: "entity_id", data_type: "bigint" }, ...FEATURES].map((column) => [
          column.name,
          { name: column.name, description: `${column.name} of ${name}`, data_type: column.data_type, meta: {}, constraints: [], tags: [] },
        ]),
      );
      const node = {
        database: "dev",
        schema: "public",
        name,
        resource_type: "model",
        package_name: "bench",
        path: `${name}.sql`,
        original_file_path: `models/${name}.sql`,
        unique_id: uniqueId,
        fqn: ["bench", name],
        alias: name,
        checksum: { name: "sha256", checksum: "0".repeat(64) },
        config: { enabled: true, materialized: "materialized_view", meta, tags: ["bench"], on_schema_change: "ignore" },
        tags: ["bench"],
        description: `Benchmark group ${name}`,
        columns,
        meta,
        relation_name: `"dev"."public"."${name}"`,
        raw_code: `SELECT user_id AS entity_id, COUNT(*) AS feature_a FROM {{ source('streams', 'user_events') }} GROUP BY user_id`,
        language: "sql",
        refs: [],
        sources: [["streams", "user_events"]],
        depends_on: { macros: [], nodes: ["source.bench.streams.user_events"] },
      };
      return [uniqueId, node];
    }),
  );
  const sources = {
    "source.bench.streams.user_events": {
      database: "dev",
      schema: "public",
      name: "user_events",
      resource_type: "source",
      package_name: "bench",
      path: "models/sources.yml",
      original_file_path: "models/sources.yml",
      unique_id: "source.bench.streams.user_events",
      fqn: ["bench", "streams", "user_events"],
      source_name: "streams",
      source_description: "",
      loader: "risingwave",
      identifier: "user_events",
      description: "Clickstream",
    },
  };
  return JSON.stringify({
    metadata: {
      dbt_schema_version: "https://schemas.getdbt.com/dbt/manifest/v12.json",
      dbt_version: "1.10.15",
      generated_at: new Date().toISOString(),
      project_name: "bench",
    },
    nodes,
    sources,
    macros: {},
    docs: {},
    exposures: {},
    metrics: {},
    groups: {},
    selectors: {},
    disabled: {},
    parent_map: {},
    child_map: {},
    group_map: {},
    saved_queries: {},
    semantic_models: {},
    unit_tests: {},
  });
}

/** The same groups as YAML documents, named apart from the dbt ones (feature_group_0001_yaml on the same MV). */
const yamlDocuments = () =>
  Array.from({ length: GROUPS }, (_, offset) =>
    stringify({
      name: `${groupName(offset + 1)}_yaml`,
      description: `Benchmark group ${groupName(offset + 1)}`,
      ...settings(offset + 1),
      materialized_view: groupName(offset + 1),
      features: FEATURES.map((feature) => ({ name: feature.name, dtype: feature.dtype, description: `${feature.name}` })),
    }),
  ).join("---\n");

async function timed(label: string, send: () => Promise<Response>, pid: number) {
  const before = rssMb(pid);
  const started = performance.now();
  const response = await send();
  const body = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${label}: ${response.status} ${body.slice(0, 500)}`);
  console.log(`${label.padEnd(46)} ${ms.toFixed(0).padStart(6)} ms   server RSS ${before.toFixed(0)} → ${rssMb(pid).toFixed(0)} MB`);
  return ms;
}

async function main() {
  const { createUser } = await import("../lib/auth/users");
  const { createToken } = await import("../lib/auth/tokens");
  const user = await createUser({ email: "bench@example.com", name: "bench", role: "admin", teams: [], password: "bench-password-123" });
  const { value: token } = await createToken(user.id, "bench", "write");
  await startProcess("node_modules/.bin/tsx", ["emulator/main.ts", "--groups", String(GROUPS), "--entities", "10"], /emulator running/);
  if (!existsSync(".next/BUILD_ID")) {
    console.log("building the app (next build)…");
    execFileSync("npx", ["next", "build"], { stdio: "ignore" });
  }
  const port = 3300 + (process.pid % 500);
  const server = await startProcess("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], /Ready in/, {
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  const pid = server.pid as number;
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${token}` };
  const json = manifest();
  const yaml = yamlDocuments();
  console.log(
    `dbt import: ${GROUPS} models × ${FEATURES.length} features, manifest ${(Buffer.byteLength(json) / 1024 / 1024).toFixed(2)} MiB; YAML ${(Buffer.byteLength(yaml) / 1024).toFixed(0)} KiB`,
  );
  // Warm both routes (compiled, pools connected) on a tiny body each.
  await fetch(`${base}/api/registry/import/dbt?dryRun=1`, { method: "POST", headers, body: "{" });
  await fetch(`${base}/api/registry/import?dryRun=1`, { method: "POST", headers, body: "name: x" });

  const postDbt = (query: string) => () =>
    fetch(`${base}/api/registry/import/dbt${query}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: json,
    });
  const postYaml = (query: string) => () =>
    fetch(`${base}/api/registry/import${query}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/yaml" },
      body: yaml,
    });
  const yamlDry = await timed("baseline: YAML dry run (POST /api/registry/import)", postYaml("?dryRun=1"), pid);
  const dbtDry = await timed("dbt dry run", postDbt("?dryRun=1"), pid);
  const yamlApply = await timed("baseline: YAML apply (creates N groups)", postYaml(""), pid);
  // Both applies start from an empty registry: the second would otherwise write beside N more groups.
  const { getPrisma } = await import("../lib/db");
  await getPrisma().featureGroup.deleteMany();
  await getPrisma().auditEvent.deleteMany();
  const dbtApply = await timed("dbt apply (creates N groups)", postDbt(""), pid);
  const dbtAgain = await timed("dbt apply, the same manifest again (no-op)", postDbt(""), pid);
  console.log(
    `ratios to YAML: dry run ${(dbtDry / yamlDry).toFixed(2)}×, apply ${(dbtApply / yamlApply).toFixed(2)}×; re-import ${(dbtAgain / dbtApply).toFixed(2)}× the first apply`,
  );
}

runBenchmark(async () => {
  try {
    await main();
  } finally {
    urls.drop();
  }
});
