// A definition that does not match its live MV is refused by the API and the import (dry run and
// apply), with each problem on its path or line; status planned waives the check, on the record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as groupsRoute from "@/app/api/groups/route";
import * as importRoute from "@/app/api/registry/import/route";
import type { Emulator } from "@/emulator/emulator";
import { getPrisma } from "@/lib/db";
import { startTestEmulator } from "../support/emulator";
import { mismatchedYaml } from "../support/mismatched-yaml";
import { userWithToken } from "../support/users";

let emulator: Emulator;
let admin = { authorization: "" };
const post = (path: string, body: unknown) =>
  new Request(`http://tideline.test${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...admin },
  });
const definition = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  owner: "ml@example.com",
  freshness_sla_seconds: 300,
  materialized_view: "order_value_features",
  tags: ["schema-check"],
  features: [
    { name: "total_orders", dtype: "string" },
    { name: "not_a_column", dtype: "float64" },
  ],
  ...overrides,
});

beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
  await getPrisma().featureGroup.deleteMany({ where: { tags: { has: "schema-check" } } });
  admin = (await userWithToken("admin")).headers;
});
afterAll(async () => {
  await getPrisma().featureGroup.deleteMany({ where: { tags: { has: "schema-check" } } });
  await emulator.stop();
});

describe("the live schema check is enforced", () => {
  it("POST /api/groups refuses a missing column and a wrong dtype (422, each on its path) and writes nothing", async () => {
    const response = await groupsRoute.POST(post("/api/groups", definition("schema_check_refused")));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toContain("schema_check_refused does not match its materialized view");
    expect(body.issues).toEqual([
      { path: "features.0.dtype", message: "column total_orders is bigint: declare int64" },
      { path: "features.1.name", message: "order_value_features has no column not_a_column" },
    ]);
    expect(await getPrisma().featureGroup.count({ where: { name: "schema_check_refused" } })).toBe(0);
  });

  it("status planned registers a group whose MV does not exist yet", async () => {
    const planned = definition("schema_check_planned", { materialized_view: "order_value_features_v2", status: "planned" });
    expect((await groupsRoute.POST(post("/api/groups", planned))).status).toBe(201);
    const active = definition("schema_check_active", { materialized_view: "order_value_features_v2" });
    const refused = await groupsRoute.POST(post("/api/groups", active));
    expect(refused.status).toBe(422);
    expect((await refused.json()).issues[0]).toMatchObject({ path: "materialized_view" });
  });

  it("an import reports the mismatches with their lines in the dry run, and applies nothing", async () => {
    const yaml = mismatchedYaml("schema_check_import", "schema-check");
    const files = { files: [{ name: "mismatch.yaml", text: yaml }] };
    const dryRun = await importRoute.POST(post("/api/registry/import?dryRun=1", files));
    expect(dryRun.status).toBe(422);
    const plan = await dryRun.json();
    expect(plan.problems.map((problem: { line: number; path: string }) => `${problem.line} ${problem.path}`)).toEqual([
      "7 features.0.dtype",
      "8 features.1.name",
    ]);
    expect((await importRoute.POST(post("/api/registry/import", files))).status).toBe(422);
    expect(await getPrisma().featureGroup.count({ where: { name: "schema_check_import" } })).toBe(0);
  });
});
