// The registry's REST API, called as Next.js calls the route handlers, on a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as groupRoute from "@/app/api/groups/[name]/route";
import * as groupsRoute from "@/app/api/groups/route";
import * as yamlRoute from "@/app/api/groups/[name]/yaml/route";
import * as exportRoute from "@/app/api/registry/export/route";
import * as importRoute from "@/app/api/registry/import/route";
import { getPrisma } from "@/lib/db";
import { userWithToken } from "../support/users";

const base = "http://tideline.test";
const params = (name: string) => ({ params: Promise.resolve({ name }) });
// Writes need a user (issue 9): this file writes as an admin through an API token.
let admin = { authorization: "" };
const json = (method: string, path: string, body: unknown) =>
  new Request(`${base}${path}`, { method, body: JSON.stringify(body), headers: { "content-type": "application/json", ...admin } });

const definition = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  owner: "ml@example.com",
  freshness_sla_seconds: 300,
  materialized_view: "user_features_1h",
  tags: ["api"],
  description: "Purchases per user in the last hour",
  features: [
    { name: "purchase_count_1h", dtype: "int64", description: "Purchase events in the last hour" },
    { name: "event_count_1h", dtype: "int64" },
  ],
  ...overrides,
});

beforeAll(async () => {
  await getPrisma().featureGroup.deleteMany({ where: { tags: { has: "api" } } });
  admin = (await userWithToken("admin")).headers;
});
afterAll(() => getPrisma().$disconnect());

describe("POST/GET/PUT/DELETE /api/groups", () => {
  it("creates a group (201), refuses a duplicate (409) and bad input (422 with paths)", async () => {
    const created = await groupsRoute.POST(json("POST", "/api/groups", definition("api_group_a")));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ version: 1, definition: { name: "api_group_a", status: "active" } });

    const duplicate = await groupsRoute.POST(json("POST", "/api/groups", definition("api_group_a")));
    expect(duplicate.status).toBe(409);

    const invalid = await groupsRoute.POST(
      json("POST", "/api/groups", definition("Bad Name", { freshness_sla_seconds: -1, features: [] })),
    );
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body.error).toBe("invalid input");
    expect(body.issues.map((issue: { path: string }) => issue.path)).toEqual(
      expect.arrayContaining(["name", "freshness_sla_seconds", "features"]),
    );

    const malformed = await groupsRoute.POST(new Request(`${base}/api/groups`, { method: "POST", body: "{not json", headers: admin }));
    expect(malformed.status).toBe(400);
  });

  it("two concurrent updates at the same version: one succeeds, one gets 409, nothing lost", async () => {
    await groupsRoute.POST(json("POST", "/api/groups", definition("api_group_b")));
    const first = definition("api_group_b", { description: "edit one" });
    const second = definition("api_group_b", { description: "edit two", freshness_sla_seconds: 60 });
    const responses = await Promise.all([
      groupRoute.PUT(json("PUT", "/api/groups/api_group_b", { version: 1, definition: first }), params("api_group_b")),
      groupRoute.PUT(json("PUT", "/api/groups/api_group_b", { version: 1, definition: second }), params("api_group_b")),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    const winner = responses.find((response) => response.status === 200);
    const loser = responses.find((response) => response.status === 409);
    const saved = await (await groupRoute.GET(new Request(`${base}/api/groups/api_group_b`), params("api_group_b"))).json();
    expect(saved.version).toBe(2);
    expect((await winner?.json()).definition.description).toBe(saved.definition.description);
    const conflict = await loser?.json();
    expect(conflict.error).toMatch(/changed by someone else/);
    expect(conflict.issues).toEqual([{ path: "version", message: "expected 1, current 2" }]);
    const audit = await getPrisma().auditEvent.findMany({ where: { groupName: "api_group_b" } });
    expect(audit.map((event) => event.action).sort()).toEqual(["create", "update"]);
  });

  it("serves one group as YAML, and refuses a rename through PUT", async () => {
    const yaml = await yamlRoute.GET(new Request(`${base}/api/groups/api_group_a/yaml`), params("api_group_a"));
    expect(yaml.headers.get("content-type")).toContain("yaml");
    expect(await yaml.text()).toMatch(/^name: api_group_a\n/);
    const rename = await groupRoute.PUT(
      json("PUT", "/api/groups/api_group_a", { version: 1, definition: definition("api_group_z") }),
      params("api_group_a"),
    );
    expect(rename.status).toBe(422);
    expect((await groupRoute.GET(new Request(`${base}/x`), params("nope"))).status).toBe(404);
  });

  it("deletes with a version guard", async () => {
    const stale = await groupRoute.DELETE(
      new Request(`${base}/api/groups/api_group_a?version=7`, { method: "DELETE", headers: admin }),
      params("api_group_a"),
    );
    expect(stale.status).toBe(409);
    const deleted = await groupRoute.DELETE(
      new Request(`${base}/api/groups/api_group_a?version=1`, { method: "DELETE", headers: admin }),
      params("api_group_a"),
    );
    expect(deleted.status).toBe(204);
    expect(await getPrisma().featureGroup.count({ where: { name: "api_group_a" } })).toBe(0);
  });
});

describe("GET /api/groups (search)", () => {
  it("ranks name matches first and lists the matching features", async () => {
    await groupsRoute.POST(
      json(
        "POST",
        "/api/groups",
        definition("api_purchase_rank", { description: "nothing here", status: "planned", features: [{ name: "clicks", dtype: "int64" }] }),
      ),
    );
    await groupsRoute.POST(
      json(
        "POST",
        "/api/groups",
        definition("api_other_rank", { description: "plain", status: "planned", features: [{ name: "purchase_total", dtype: "decimal" }] }),
      ),
    );
    const response = await groupsRoute.GET(new Request(`${base}/api/groups?q=purchase&tag=api`));
    const page = await response.json();
    const names = page.items.map((item: { name: string }) => item.name);
    expect(names[0]).toBe("api_purchase_rank");
    expect(names).toEqual(expect.arrayContaining(["api_other_rank", "api_group_b"]));
    const other = page.items.find((item: { name: string }) => item.name === "api_other_rank");
    expect(other.matchedFeatures).toEqual([{ name: "purchase_total", dtype: "decimal" }]);
    expect(page.facets.tags).toContain("api");
  });

  it("filters, sorts and paginates", async () => {
    const page1 = await (await groupsRoute.GET(new Request(`${base}/api/groups?tag=api&sort=name&size=10&page=1`))).json();
    expect(page1.total).toBe(3);
    expect(page1.items.map((item: { name: string }) => item.name)).toEqual(["api_group_b", "api_other_rank", "api_purchase_rank"]);
    const none = await (await groupsRoute.GET(new Request(`${base}/api/groups?tag=api&status=deprecated`))).json();
    expect(none.items).toEqual([]);
    const hostile = await groupsRoute.GET(
      new Request(`${base}/api/groups?q=${encodeURIComponent('\'); DROP TABLE "Feature"; --')}&page=-3&size=7`),
    );
    expect(hostile.status).toBe(200);
  });
});

describe("POST /api/registry/import and GET /api/registry/export", () => {
  // Status planned: the MV `mv` does not exist (the live schema check has its own tests).
  const good =
    "name: api_import_one\nowner: o@x\ntags: [api]\nstatus: planned\nfreshness_sla_seconds: 60\nmaterialized_view: mv\nfeatures:\n  - name: x\n    dtype: int64\n";
  const broken =
    "name: api_import_two\nowner: o@x\nfreshness_sla_seconds: 60\nmaterialized_view: mv\nfeatures:\n  - name: y\n    dtype: int64\n---\nname: api_import_three\nowner: [unclosed\n";

  it("malformed YAML → 422 with line and column, and nothing written", async () => {
    const response = await importRoute.POST(
      new Request(`${base}/api/registry/import`, {
        method: "POST",
        body: broken,
        headers: { "content-type": "application/yaml", ...admin },
      }),
    );
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.issues[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(body.issues[0].line).toBeGreaterThanOrEqual(10);
    expect(await getPrisma().featureGroup.count({ where: { name: "api_import_two" } })).toBe(0);
  });

  it("plans without writing, then applies", async () => {
    const dry = await importRoute.POST(new Request(`${base}/api/registry/import?dryRun=1`, { method: "POST", body: good, headers: admin }));
    expect(dry.status).toBe(200);
    expect((await dry.json()).summary).toEqual({ create: 1, update: 0, unchanged: 0 });
    expect(await getPrisma().featureGroup.count({ where: { name: "api_import_one" } })).toBe(0);
    const applied = await importRoute.POST(new Request(`${base}/api/registry/import`, { method: "POST", body: good, headers: admin }));
    expect((await applied.json()).outcome.created).toEqual(["api_import_one"]);
    const again = await importRoute.POST(
      new Request(`${base}/api/registry/import?dryRun=1`, { method: "POST", body: good, headers: admin }),
    );
    expect((await again.json()).summary).toEqual({ create: 0, update: 0, unchanged: 1 });
  });

  it("exports the whole registry as YAML that imports back unchanged", async () => {
    const exported = await (await exportRoute.GET()).text();
    expect(exported).toContain("name: api_import_one");
    const plan = await (
      await importRoute.POST(new Request(`${base}/api/registry/import?dryRun=1`, { method: "POST", body: exported, headers: admin }))
    ).json();
    expect(plan.problems).toEqual([]);
    expect(plan.summary.create + plan.summary.update).toBe(0);
  });
});
