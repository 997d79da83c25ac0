// Feature groups from a dbt manifest (examples/dbt/target/manifest.json) through POST
// /api/registry/import/dbt, against the emulator's live catalog: created, a no-op the second time,
// refused whole on a conflict or a hostile manifest, and its sources in the lineage graph.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dbtRoute from "@/app/api/registry/import/dbt/route";
import * as lineageRoute from "@/app/api/lineage/route";
import type { Emulator } from "@/emulator/emulator";
import { getPrisma } from "@/lib/db";
import type { LineageGraph } from "@/lib/lineage/graph";
import { getGroup, upsertDefinition } from "@/lib/registry/groups";
import { startTestEmulator } from "../support/emulator";
import { demoDefinition } from "../support/registry";
import { userWithToken } from "../support/users";

const base = "http://tideline.test";
const MANIFEST = readFileSync("examples/dbt/target/manifest.json", "utf8");
const GROUPS = ["order_value_features", "user_features_1h", "user_item_affinity"];
let emulator: Emulator;
let admin: Awaited<ReturnType<typeof userWithToken>>;

const post = (body: string, query = "", headers: Record<string, string> = admin.headers) =>
  dbtRoute.POST(
    new Request(`${base}/api/registry/import/dbt${query}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
    }),
  );
const registryState = async () => ({
  groups: await getPrisma().featureGroup.findMany({
    orderBy: { name: "asc" },
    select: { name: true, version: true, origin: true, originRef: true },
  }),
  audits: await getPrisma().auditEvent.count(),
  projects: await getPrisma().dbtProject.findMany(),
});
// A manifest is edited as plain JSON here: the tests change fields the schema does not type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ManifestJson = Record<string, any>;
const withModel = (change: (manifest: ManifestJson) => void) => {
  const manifest = JSON.parse(MANIFEST);
  change(manifest);
  return JSON.stringify(manifest);
};

beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
  const prisma = getPrisma();
  await prisma.featureGroup.deleteMany();
  await prisma.dbtProject.deleteMany();
  admin = await userWithToken("admin");
});
afterAll(() => emulator.stop());

describe("POST /api/registry/import/dbt", () => {
  it("plans, then creates the article's groups from the example manifest, audited with the project and the manifest's time", async () => {
    const dry = await post(MANIFEST, "?dryRun=1");
    expect(dry.status).toBe(200);
    const plan = await dry.json();
    expect(plan.summary).toEqual({ create: 3, update: 0, unchanged: 0, conflict: 0 });
    expect((await registryState()).groups).toEqual([]);

    const response = await post(MANIFEST);
    expect(response.status).toBe(200);
    expect((await response.json()).outcome.created.sort()).toEqual(GROUPS);
    const state = await registryState();
    expect(state.groups.map((group) => [group.name, group.origin, group.originRef])).toEqual(
      GROUPS.map((name) => [name, "dbt", `model.feature_store.${name}`]),
    );
    expect(state.projects).toHaveLength(1);
    expect(state.projects[0]).toMatchObject({ name: "feature_store", generatedAt: "2026-12-06T09:00:00.000000Z" });
    const audit = await getPrisma().auditEvent.findFirstOrThrow({
      where: { groupName: "user_features_1h" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ action: "create", context: "dbt project feature_store, manifest generated 2026-12-06T09:00:00.000000Z" });
    expect((await getGroup("user_features_1h"))?.origin).toEqual({ kind: "dbt", ref: "model.feature_store.user_features_1h" });
  });

  it("a second import of the same manifest changes nothing", async () => {
    const before = await registryState();
    const response = await post(MANIFEST);
    expect(response.status).toBe(200);
    expect((await response.json()).outcome).toEqual({ created: [], updated: [], unchanged: GROUPS });
    expect(await registryState()).toEqual(before);
  });

  it("refuses a model that conflicts with another team's group (409) or with a YAML group, writing nothing", async () => {
    const before = await registryState();
    const otherTeam = withModel((manifest) => {
      manifest.nodes["model.feature_store.user_item_affinity"].config.meta.tideline.team = "growth";
      manifest.nodes["model.feature_store.user_features_1h"].config.meta.tideline.freshness_sla_seconds = 60; // would be an update
    });
    const response = await post(otherTeam);
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.issues).toEqual([
      {
        path: "model.feature_store.user_item_affinity",
        message: expect.stringMatching(/belongs to recsys; the manifest gives it to growth/),
      },
    ]);
    expect(await registryState()).toEqual(before);

    await upsertDefinition({ ...(await demoDefinition("session_activity")) }, "test", undefined, {
      origin: { kind: "yaml", ref: "features/session_activity.yaml" },
    });
    const fromYaml = withModel((manifest) => {
      const model = manifest.nodes["model.feature_store.user_features_1h"];
      manifest.nodes["model.feature_store.session_activity"] = {
        ...model,
        unique_id: "model.feature_store.session_activity",
        name: "session_activity",
        alias: "session_activity",
        columns: { event_count: { name: "event_count", data_type: "bigint", description: "" } },
        config: { ...model.config, meta: { tideline: { owner: "growth@example.com", freshness_sla_seconds: 60 } } },
      };
    });
    const yamlConflict = await post(fromYaml, "?dryRun=1");
    expect(yamlConflict.status).toBe(409);
    const yamlPlan = await yamlConflict.json();
    expect(yamlPlan.items.find((item: { name: string }) => item.name === "session_activity")).toMatchObject({
      kind: "conflict",
      reason: expect.stringMatching(/defined in YAML \(features\/session_activity.yaml\)/),
    });
    expect((await post(fromYaml)).status).toBe(409);
    expect((await registryState()).audits).toBe(before.audits + 1); // only the YAML group registered above
  });

  it("refuses hostile manifests with 4xx and a message: wrong version, 50 MB, deep nesting, missing fields, no token", async () => {
    const before = await registryState();
    const hostile = await userWithToken("admin"); // imports are rate-limited per user (10 a minute)
    const wrongVersion = withModel((manifest) => {
      manifest.metadata.dbt_schema_version = "https://schemas.getdbt.com/dbt/manifest/v10.json";
    });
    const cases: [string, number, RegExp, Record<string, string>?][] = [
      [wrongVersion, 422, /manifest schema v10 is not supported/],
      [`{"metadata": ${" ".repeat(50 * 1024 * 1024)}}`, 413, /over 32 MiB/],
      [`${"[".repeat(5_000)}${"]".repeat(5_000)}`, 400, /nests deeper than 64 levels/],
      [withModel((manifest) => delete manifest.metadata.generated_at), 422, /not a dbt manifest/],
      [
        withModel((manifest) => delete manifest.nodes["model.feature_store.user_features_1h"].columns.view_count_1h.data_type),
        422,
        /problem\(s\) in the manifest's models/,
      ],
      ["{", 400, /not valid JSON/],
      [MANIFEST, 401, /sign in/, {}],
    ];
    for (const [body, status, message, headers] of cases) {
      const response = await post(body, "", headers ?? hostile.headers);
      expect(response.status, String(message)).toBe(status);
      expect((await response.json()).error).toMatch(message);
    }
    expect(await registryState()).toEqual(before);
  });

  it("puts the manifest's sources upstream of user_events and orders_cdc in the lineage graph, marked dbt", async () => {
    const graph: LineageGraph = await (await lineageRoute.GET(new Request(`${base}/api/lineage`))).json();
    for (const relation of ["user_events", "orders_cdc", "item_catalog"])
      expect(graph.edges).toContainEqual({ from: `dbt:source.feature_store.streams.${relation}`, to: relation, dbt: true });
    const source = graph.nodes.find((node) => node.id === "dbt:source.feature_store.streams.user_events");
    expect(source).toMatchObject({ kind: "dbt_source", name: "streams.user_events", dbt: { project: "feature_store" } });
    expect(source?.dbt?.description).toBe("Clickstream events from the Kafka topic user-events.");
    expect(graph.nodes.find((node) => node.id === "user_features_1h")?.dbt?.uniqueId).toBe("model.feature_store.user_features_1h");
  });
});
