// Roles and ownership on the write API: anonymous 401, viewer 403, another team's editor 403,
// the owner 200 with an audit event naming them, a revoked token 401.
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as groupRoute from "@/app/api/groups/[name]/route";
import * as groupsRoute from "@/app/api/groups/route";
import * as importRoute from "@/app/api/registry/import/route";
import { mayRead } from "@/lib/auth/read-gate";
import { revokeToken } from "@/lib/auth/tokens";
import { getPrisma } from "@/lib/db";
import { upsertDefinition } from "@/lib/registry/groups";
import { demoDefinition } from "../support/registry";
import { userWithToken } from "../support/users";

const base = "http://tideline.test";
const params = (name: string) => ({ params: Promise.resolve({ name }) });
const GROUP = "auth_user_features";
let owner: Awaited<ReturnType<typeof userWithToken>>;
let otherTeam: Awaited<ReturnType<typeof userWithToken>>;
let viewer: Awaited<ReturnType<typeof userWithToken>>;

async function put(headers: Record<string, string>, sla: number) {
  const current = await (await groupRoute.GET(new Request(`${base}/api/groups/${GROUP}`), params(GROUP))).json();
  const body = { version: current.version, definition: { ...current.definition, freshness_sla_seconds: sla } };
  return groupRoute.PUT(
    new Request(`${base}/api/groups/${GROUP}`, {
      method: "PUT",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...headers },
    }),
    params(GROUP),
  );
}

beforeAll(async () => {
  await getPrisma().featureGroup.deleteMany({ where: { name: GROUP } });
  // Owned by the ml-platform team; its owner address is not any test user's.
  await upsertDefinition(
    { ...(await demoDefinition("user_features_1h")), name: GROUP, owner: "someone@example.com", team: "ml-platform" },
    "test",
  );
  owner = await userWithToken("editor", ["ml-platform"]);
  otherTeam = await userWithToken("editor", ["recsys"]);
  viewer = await userWithToken("viewer");
});
afterAll(() => getPrisma().$disconnect());

describe("write authorisation", () => {
  it("anonymous → 401; viewer → 403; another team's editor → 403; nothing changes", async () => {
    expect((await put({}, 120)).status).toBe(401);
    const asViewer = await put(viewer.headers, 120);
    expect(asViewer.status).toBe(403);
    expect((await asViewer.json()).error).toMatch(/viewer/);
    const asOtherTeam = await put(otherTeam.headers, 120);
    expect(asOtherTeam.status).toBe(403);
    expect((await asOtherTeam.json()).error).toMatch(/belongs to ml-platform/);
    const stored = await getPrisma().featureGroup.findUniqueOrThrow({ where: { name: GROUP } });
    expect(stored.freshnessSlaSeconds).toBe(30);
    expect(stored.version).toBe(1);
  });

  it("the owner's edit → 200, and the audit event names them", async () => {
    const response = await put(owner.headers, 120);
    expect(response.status).toBe(200);
    const [event] = await getPrisma().auditEvent.findMany({ where: { groupName: GROUP, action: "update" } });
    expect(event?.actor).toBe(`${owner.user.email} (API token)`);
  });

  it("an editor cannot hand a group to another team, nor create one for it", async () => {
    const current = await (await groupRoute.GET(new Request(`${base}/api/groups/${GROUP}`), params(GROUP))).json();
    const giveAway = { version: current.version, definition: { ...current.definition, team: "recsys" } };
    const response = await groupRoute.PUT(
      new Request(`${base}/api/groups/${GROUP}`, { method: "PUT", body: JSON.stringify(giveAway), headers: owner.headers }),
      params(GROUP),
    );
    expect(response.status).toBe(403);
    const foreign = { ...current.definition, name: "auth_foreign_group", owner: "x@example.com", team: "recsys" };
    expect(
      (await groupsRoute.POST(new Request(`${base}/api/groups`, { method: "POST", body: JSON.stringify(foreign), headers: owner.headers })))
        .status,
    ).toBe(403);
  });

  it("a read-only token cannot write; a revoked token → 401", async () => {
    const reader = await userWithToken("admin", [], "read");
    expect((await put(reader.headers, 130)).status).toBe(403);
    await revokeToken(owner.tokenId, owner.user.id, false);
    const revoked = await put(owner.headers, 130);
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error).toMatch(/invalid or revoked/);
    expect((await put({ authorization: "Bearer tl_not-a-real-token" }, 130)).status).toBe(401);
  });

  it("accepts a signed-in session cookie, and rejects a forged one", async () => {
    const session = await encode({
      token: { uid: otherTeam.user.id, email: otherTeam.user.email },
      secret: process.env.AUTH_SECRET as string,
    });
    // Same 403 as the token: the session resolves to the same (other-team) user.
    expect((await put({ cookie: `next-auth.session-token=${session}` }, 140)).status).toBe(403);
    const forged = await encode({ token: { uid: otherTeam.user.id }, secret: "a-different-secret-of-at-least-32-chars!" });
    expect((await put({ cookie: `next-auth.session-token=${forged}` }, 140)).status).toBe(401);
  });

  it("bulk import is all or nothing: one foreign group refuses the whole upload", async () => {
    const yaml = [
      "name: auth_import_mine",
      "owner: o@example.com",
      "team: recsys",
      "freshness_sla_seconds: 60",
      "status: planned", // no MV x: the live schema check has its own tests
      "materialized_view: x",
      "features: [{name: a, dtype: int64}]",
      "---",
      "name: auth_import_theirs",
      "owner: t@example.com",
      "team: payments",
      "freshness_sla_seconds: 60",
      "status: planned", // no MV x: the live schema check has its own tests
      "materialized_view: x",
      "features: [{name: a, dtype: int64}]",
    ].join("\n");
    const response = await importRoute.POST(
      new Request(`${base}/api/registry/import`, { method: "POST", body: yaml, headers: otherTeam.headers }),
    );
    expect(response.status).toBe(403);
    expect(await getPrisma().featureGroup.count({ where: { name: { startsWith: "auth_import_" } } })).toBe(0);
    expect((await importRoute.POST(new Request(`${base}/api/registry/import`, { method: "POST", body: yaml }))).status).toBe(401);
  });
});

describe("shared entities", () => {
  const group = (name: string, team: string, keys: string[]) => ({
    name,
    owner: `${team}@example.com`,
    team,
    freshness_sla_seconds: 60,
    status: "planned", // no MV x: the live schema check has its own tests
    materialized_view: "x",
    entity: { name: "auth_shared_entity", keys },
    features: [{ name: "a", dtype: "int64" }],
  });
  const post = (body: unknown, headers: Record<string, string>) =>
    groupsRoute.POST(
      new Request(`${base}/api/groups`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json", ...headers },
      }),
    );

  it("another team's editor cannot change an entity's keys under a group they do not own (409 naming it, nothing written)", async () => {
    const recsys = await userWithToken("editor", ["recsys"]);
    const payments = await userWithToken("editor", ["payments"]);
    expect((await post(group("auth_entity_a", "recsys", ["user_id"]), recsys.headers)).status).toBe(201);
    const other = await post(group("auth_entity_b", "payments", ["customer_id"]), payments.headers);
    expect(other.status).toBe(409);
    expect((await other.json()).error).toMatch(/used by auth_entity_a/);
    expect((await getPrisma().entity.findUniqueOrThrow({ where: { name: "auth_shared_entity" } })).keyColumns).toEqual(["user_id"]);
    expect(await getPrisma().featureGroup.count({ where: { name: "auth_entity_b" } })).toBe(0);
    // Same keys: the entity is shared as it is.
    expect((await post(group("auth_entity_c", "payments", ["user_id"]), payments.headers)).status).toBe(201);
    // The owner of every group using it may change the keys; each group gets an audit entry.
    const admin = await userWithToken("admin");
    expect((await post(group("auth_entity_d", "recsys", ["user_id", "region"]), admin.headers)).status).toBe(201);
    expect((await getPrisma().entity.findUniqueOrThrow({ where: { name: "auth_shared_entity" } })).keyColumns).toEqual([
      "user_id",
      "region",
    ]);
    const audits = await getPrisma().auditEvent.findMany({ where: { action: "entity-keys" }, orderBy: { groupName: "asc" } });
    expect(audits.map((event) => event.groupName)).toEqual(["auth_entity_a", "auth_entity_c"]);
  });
});

describe("imports authorise inside their transaction", () => {
  it("refuses to replace a group the writer may not change, whatever was checked before, and writes nothing", async () => {
    const { applyImport } = await import("@/lib/registry/import");
    const yaml = [
      "name: auth_tx_mine",
      "owner: me@example.com",
      "freshness_sla_seconds: 60",
      "status: planned", // no MV x: the live schema check has its own tests
      "materialized_view: x",
      "features: [{name: a, dtype: int64}]",
      "---",
      `name: ${GROUP}`,
      "owner: someone@example.com",
      "team: ml-platform",
      "freshness_sla_seconds: 61",
      "status: planned", // no MV x: the live schema check has its own tests
      "materialized_view: x",
      "features: [{name: a, dtype: int64}]",
    ].join("\n");
    // A writer whose right to the stored group ended after the route's check (a team change, say).
    const writer = { name: "late@example.com", mayChange: (group: { owner: string }) => group.owner === "me@example.com" };
    await expect(applyImport([{ text: yaml, file: "tx.yaml" }], writer)).rejects.toMatchObject({ status: 403 });
    expect(await getPrisma().featureGroup.count({ where: { name: "auth_tx_mine" } })).toBe(0);
  });
});

describe("cache key templates", () => {
  it("refuses a template that can produce another group's cache keys (409 naming it), and a backtracking one (422)", async () => {
    const admin = await userWithToken("admin");
    const cached = (name: string, template: string) => ({
      name,
      owner: "o@example.com",
      freshness_sla_seconds: 60,
      status: "planned", // no MV x: the live schema check has its own tests
      materialized_view: "x",
      entity: { name: `${name}_entity`, keys: ["id"] },
      redis: { kind: "hash", key_template: template, ttl_seconds: 60 },
      features: [{ name: "a", dtype: "int64" }],
    });
    const create = (body: unknown) =>
      groupsRoute.POST(
        new Request(`${base}/api/groups`, {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json", ...admin.headers },
        }),
      );
    expect((await create(cached("auth_cache_a", "cache:a:{id}"))).status).toBe(201);
    const clash = await create(cached("auth_cache_b", "cache:{id}:{id}"));
    expect(clash.status).toBe(409);
    expect((await clash.json()).error).toMatch(/auth_cache_a/);
    expect((await create(cached("auth_cache_c", "cache:c:{id}"))).status).toBe(201);
    expect((await create(cached("auth_cache_d", `k${"{id}".repeat(12)}`))).status).toBe(422);
  });
});

describe("import dry runs and sign-in are not free for all", () => {
  const dryRun = (body: string, headers: Record<string, string> = {}) =>
    importRoute.POST(
      new Request(`${base}/api/registry/import?dryRun=1`, {
        method: "POST",
        body,
        headers: { "content-type": "application/yaml", ...headers },
      }),
    );
  const yaml =
    "name: auth_dry\nowner: o@example.com\nfreshness_sla_seconds: 60\nstatus: planned\nmaterialized_view: x\nfeatures: [{name: a, dtype: int64}]\n";

  it("refuses anonymous dry runs, oversized uploads, and more than 20 a minute per user", async () => {
    expect((await dryRun(yaml)).status).toBe(401);
    const user = await userWithToken("viewer");
    expect((await dryRun(yaml, user.headers)).status).toBe(200);
    expect((await dryRun(`# ${"x".repeat(1024 * 1024)}\n${yaml}`, user.headers)).status).toBe(413);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 20; attempt++) statuses.push((await dryRun(yaml, user.headers)).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 200)).toHaveLength(18);
  });

  it("throttles wrong passwords per account, and an unknown email costs as much as a known one", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const provider = authOptions.providers.find((candidate) => candidate.id === "credentials") as unknown as {
      options: { authorize: (credentials: unknown, request: unknown) => Promise<unknown> };
    };
    const user = await userWithToken("editor");
    const signIn = (email: string, password: string) =>
      provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": "203.0.113.7" } });
    expect(await signIn(user.user.email, "test-password-123")).toMatchObject({ id: user.user.id });
    const timed = async (email: string) => {
      const started = performance.now();
      await signIn(email, "wrong-password");
      return performance.now() - started;
    };
    const known = await timed(user.user.email);
    const unknown = await timed(`nobody-${Date.now()}@example.com`);
    expect(unknown).toBeGreaterThan(known * 0.5); // both pay for one bcrypt comparison
    for (let attempt = 0; attempt < 12; attempt++) await signIn(user.user.email, "wrong-password");
    expect(await signIn(user.user.email, "test-password-123")).toBeNull(); // locked for the window
  });
});

describe("one credential check for reads and writes", () => {
  it("ends every session when the password changes, and a deactivated user's sessions and tokens", async () => {
    const { changePassword, updateUser } = await import("@/lib/auth/users");
    const member = await userWithToken("editor", ["ml-platform"]);
    const session = await encode({ token: { uid: member.user.id, sv: 0 }, secret: process.env.AUTH_SECRET as string });
    const cookie = { cookie: `next-auth.session-token=${session}`, "content-type": "application/json" };
    expect((await put(cookie, 150)).status).toBe(200);
    expect(await mayRead(session, null)).toBe(true);
    await changePassword(member.user.id, "test-password-123", "another-password-456");
    expect((await put(cookie, 151)).status).toBe(401); // the old session is anonymous now
    expect(await mayRead(session, null)).toBe(false); // and the read gate agrees
    const fresh = await encode({ token: { uid: member.user.id, sv: 1 }, secret: process.env.AUTH_SECRET as string });
    expect(await mayRead(fresh, null)).toBe(true);

    await updateUser(member.user.id, { role: "editor", teams: ["ml-platform"], active: false });
    expect(await mayRead(fresh, null)).toBe(false);
    expect(await mayRead(undefined, member.headers.authorization)).toBe(false);
    expect((await put(member.headers, 152)).status).toBe(401);
  });

  it("refuses a cookie-authenticated write from another site or with a form body", async () => {
    const member = await userWithToken("editor", ["ml-platform"]);
    const session = await encode({ token: { uid: member.user.id, sv: 0 }, secret: process.env.AUTH_SECRET as string });
    const cookie = `next-auth.session-token=${session}`;
    expect((await put({ cookie, "content-type": "application/json", origin: "https://evil.example" }, 160)).status).toBe(403);
    expect((await put({ cookie, "content-type": "text/plain" }, 160)).status).toBe(415);
    expect((await put({ cookie, "content-type": "application/json", origin: "http://tideline.test" }, 160)).status).toBe(200);
  });
});

describe("READ_ACCESS=signed-in gate (proxy.ts)", () => {
  it("lets a valid session or an unrevoked token read, and nobody else", async () => {
    const reader = await userWithToken("viewer", [], "read");
    const session = await encode({ token: { uid: reader.user.id }, secret: process.env.AUTH_SECRET as string });
    expect(await mayRead(undefined, null)).toBe(false);
    expect(await mayRead(session, null)).toBe(true);
    expect(await mayRead("not-a-jwt", null)).toBe(false);
    expect(await mayRead(undefined, reader.headers.authorization)).toBe(true);
    expect(await mayRead(undefined, "Bearer tl_unknown")).toBe(false);
    await revokeToken(reader.tokenId, reader.user.id, false);
    expect(await mayRead(undefined, reader.headers.authorization)).toBe(false);
  });
});
