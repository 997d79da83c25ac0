// `npx tideline validate` against the emulator's live catalog.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import { startTestEmulator } from "../support/emulator";

let emulator: Emulator;
beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
});
afterAll(() => emulator.stop());

/** The article's features/user_engagement.yaml, transcribed from docs/reference/feature-store-article.txt. */
const ARTICLE_YAML = `# features/user_engagement.yaml
name: user_features_1h
description: "User engagement features computed over a 1-hour rolling window"
owner: ml-platform@example.com
freshness_sla_seconds: 30
materialized_view: user_features_1h
features:
  - name: event_count_1h
    dtype: int64
    description: "Total events in last 1 hour"
  - name: purchase_count_1h
    dtype: int64
    description: "Purchase events in last 1 hour"
  - name: session_count_1h
    dtype: int64
    description: "Distinct sessions in last 1 hour"
`;

const tideline = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/tideline.mjs", ...args], { encoding: "utf8", env: process.env, timeout: 30_000 });

describe("tideline validate", () => {
  it("exits 0 on the shipped features/ against the demo pipeline", () => {
    const run = tideline("validate", "features/");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("6 of 6 definition(s) match RisingWave");
    expect(run.stdout).toContain("ok    features/user_engagement.yaml:2 user_features_1h");
  });

  it("ships the article's YAML exactly as printed", () => {
    expect(readFileSync("features/user_engagement.yaml", "utf8")).toBe(ARTICLE_YAML);
  });

  it("exits 1 naming the file, group and column after a feature is renamed", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "tideline-validate-"));
    cpSync("features", folder, { recursive: true });
    const file = path.join(folder, "user_engagement.yaml");
    writeFileSync(file, ARTICLE_YAML.replace("name: purchase_count_1h", "name: purchases_1h"));
    const run = tideline("validate", folder);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`FAIL  ${file}:2 user_features_1h: feature purchases_1h: no column purchases_1h in user_features_1h`);

    const json = JSON.parse(tideline("validate", folder, "--json").stdout);
    expect(json.ok).toBe(false);
    expect(json.results.find((result: { group: string }) => result.group === "user_features_1h").problems).toHaveLength(1);
  });

  it("reports YAML problems with their line, and exits 2 on usage and connection errors", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "tideline-validate-bad-"));
    writeFileSync(
      path.join(folder, "bad.yaml"),
      "name: bad_group\nowner: me\nfreshness_sla_seconds: soon\nmaterialized_view: user_features_1h\nfeatures: [{name: event_count_1h, dtype: int64}]\n",
    );
    const bad = tideline("validate", folder);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/FAIL {2}.*bad\.yaml:3 \(unparsed document\): freshness_sla_seconds: /);
    expect(tideline("validate").status).toBe(2);
    expect(tideline("validate", "no/such/folder").status).toBe(2);
    const offline = tideline("validate", "features/", "--risingwave-url", "postgresql://nobody@127.0.0.1:1/none");
    expect(offline.status).toBe(2);
    expect(offline.stderr).toContain("RisingWave is unreachable");
  });

  it("--dbt: exits 0 on the example manifest, 1 after a column is renamed in a copy, 1 on a manifest of another schema version", () => {
    const ok = tideline("validate", "--dbt", "examples/dbt/target/manifest.json");
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain("3 of 3 definition(s) match RisingWave");
    const dir = mkdtempSync(path.join(tmpdir(), "tideline-dbt-"));
    const renamed = path.join(dir, "manifest.json");
    writeFileSync(
      renamed,
      readFileSync("examples/dbt/target/manifest.json", "utf8").replaceAll('"purchase_count_1h"', '"purchase_count_1hr"'),
    );
    const failed = tideline("validate", "--dbt", renamed, "--json");
    expect(failed.status).toBe(1);
    const report = JSON.parse(failed.stdout);
    expect(report.ok).toBe(false);
    expect(report.results.find((result: { group: string }) => result.group === "user_features_1h").problems.join()).toMatch(
      /purchase_count_1hr/,
    );
    const v11 = path.join(dir, "v11.json");
    writeFileSync(v11, readFileSync("examples/dbt/target/manifest.json", "utf8").replace("manifest/v12.json", "manifest/v11.json"));
    const old = tideline("validate", "--dbt", v11);
    expect(old.status).toBe(1);
    expect(old.stdout).toMatch(/manifest schema v11 is not supported/);
  });
});
