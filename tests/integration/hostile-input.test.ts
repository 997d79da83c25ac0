// A bounded property-based run (fast-check, fixed seed) of generated hostile input against every
// route handler and server action, without credentials: never a 5xx, never a stack trace or a
// connection string in the body, and every write refused (401) before anything is written.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import { startEmulatorForApp } from "../support/emulator";
import { registerDemoGroups } from "../support/registry";

// Server actions read the request scope; here it is an anonymous browser (no cookie, no header).
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const SEED = 20261129;
const RUNS = 40;
const base = "http://tideline.test";
let emulator: Emulator;
let cases = 0;
let auditsBefore = 0;

/** Strings an attacker or a broken client sends: injections, traversal, control characters, huge and odd numbers, any Unicode. */
const hostile = fc.oneof(
  fc.constantFrom(
    "' OR '1'='1",
    '1; DROP TABLE "FeatureGroup"',
    "../../etc/passwd",
    "%00",
    "\u0000",
    "{{7*7}}",
    "<script>alert(1)</script>",
    "-1",
    "9".repeat(40),
    "NaN",
    "1e309",
    '{"a":1}',
    "[]",
    "null",
    "__proto__",
    "constructor",
    "$1",
    "\\",
    "%2e%2e%2f",
    "user_features_1h",
    "7",
    "x".repeat(5_000),
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.integer().map(String),
);
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  hostile,
);

/** A stack trace, a URL with an unmasked password, a driver's connection error. */
const LEAKS = [/\n\s+at /, /\b[a-z][a-z0-9+.-]*:\/\/[^/\s"@]*:[^/\s"@•]+@/i, /ECONNREFUSED|ENOTFOUND/, /node_modules/];

async function check(response: Response, write = false) {
  cases++;
  const body = await response.text();
  expect(response.status, body.slice(0, 200)).toBeLessThan(500);
  for (const leak of LEAKS) expect(body, String(leak)).not.toMatch(leak);
  if (write) expect(response.status, body.slice(0, 200)).toBe(401);
}

beforeAll(async () => {
  ({ emulator } = await startEmulatorForApp());
  await registerDemoGroups({ user_features_1h: undefined, user_item_affinity: undefined });
  const { getPrisma } = await import("@/lib/db");
  auditsBefore = await getPrisma().auditEvent.count();
});
afterAll(async () => {
  await emulator.stop();
  console.log(`hostile-input: ${cases} generated cases`);
});

const property = (name: string, arbitrary: fc.Arbitrary<unknown[]>, run: (...values: never[]) => Promise<void>) =>
  it(
    name,
    async () => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (values) => run(...(values as never[]))),
        { seed: SEED, numRuns: RUNS },
      );
    },
    120_000,
  );

describe("hostile input, no credentials", () => {
  property("GET /api/groups/{name}, /yaml, /freshness, /redis", fc.tuple(hostile, hostile), async (name: string, query: string) => {
    const params = { params: Promise.resolve({ name }) };
    const request = new Request(`${base}/api/groups/x?window=${encodeURIComponent(query)}`);
    await check(await (await import("@/app/api/groups/[name]/route")).GET(request, params));
    await check(await (await import("@/app/api/groups/[name]/yaml/route")).GET(request, params));
    await check(await (await import("@/app/api/groups/[name]/freshness/route")).GET(request, params));
    await check(await (await import("@/app/api/groups/[name]/redis/route")).GET(request, params));
  });

  property(
    "GET /api/groups, /api/incidents, /api/risingwave/materialized-views, /api/lineage with any query",
    fc.tuple(hostile, hostile),
    async (key: string, value: string) => {
      const query = `${encodeURIComponent(key)}=${encodeURIComponent(value)}&q=${encodeURIComponent(value)}&page=${encodeURIComponent(value)}&focus=${encodeURIComponent(value)}&columns=${encodeURIComponent(value)}`;
      await check(await (await import("@/app/api/groups/route")).GET(new Request(`${base}/api/groups?${query}`)));
      await check(await (await import("@/app/api/incidents/route")).GET(new Request(`${base}/api/incidents?${query}`)));
      await check(
        await (
          await import("@/app/api/risingwave/materialized-views/route")
        ).GET(new Request(`${base}/api/risingwave/materialized-views?${query}`)),
      );
      await check(await (await import("@/app/api/lineage/route")).GET(new Request(`${base}/api/lineage?${query}`)));
    },
  );

  property(
    "GET /api/lookup and /api/serving/{group}/{key}",
    fc.tuple(fc.constantFrom("user_features_1h", "user_item_affinity"), hostile, hostile),
    async (group: string, key: string, at: string) => {
      await check(
        await (
          await import("@/app/api/lookup/route")
        ).GET(
          new Request(
            `${base}/api/lookup?group=${group}&key=${encodeURIComponent(key)}&at=${encodeURIComponent(at)}&key.category=${encodeURIComponent(at)}`,
          ),
        ),
      );
      await check(
        await (await import("@/app/api/serving/[group]/[key]/route")).GET(new Request(base), { params: Promise.resolve({ group, key }) }),
      );
      await check(
        await (await import("@/app/api/lineage/relations/[id]/route")).GET(new Request(base), { params: Promise.resolve({ id: key }) }),
      );
    },
  );

  property("POST /api/serving/batch with any body", fc.tuple(hostileJson), async (body: string) => {
    await check(
      await (
        await import("@/app/api/serving/batch/route")
      ).POST(new Request(base, { method: "POST", body, headers: { "content-type": "application/json" } })),
    );
  });

  property(
    "every write without credentials is 401, whatever the body",
    fc.tuple(hostile, hostileJson),
    async (name: string, body: string) => {
      const headers = { "content-type": "application/json" };
      await check(
        await (await import("@/app/api/groups/route")).POST(new Request(`${base}/api/groups`, { method: "POST", body, headers })),
        true,
      );
      const params = { params: Promise.resolve({ name }) };
      await check(
        await (
          await import("@/app/api/groups/[name]/route")
        ).PUT(new Request(`${base}/api/groups/x`, { method: "PUT", body, headers }), params),
        true,
      );
      await check(
        await (
          await import("@/app/api/groups/[name]/route")
        ).DELETE(new Request(`${base}/api/groups/x?version=${encodeURIComponent(name)}`, { method: "DELETE" }), params),
        true,
      );
      await check(
        await (
          await import("@/app/api/registry/import/route")
        ).POST(
          new Request(`${base}/api/registry/import?dryRun=1`, { method: "POST", body, headers: { "content-type": "application/yaml" } }),
        ),
        true,
      );
    },
  );

  property(
    "server actions answer an anonymous caller with an error result, never a throw",
    fc.tuple(hostileJson, hostile),
    async (input: string, name: string) => {
      const groups = await import("@/app/groups/actions");
      const settings = await import("@/app/settings/actions");
      let value: unknown = input;
      try {
        value = JSON.parse(input);
      } catch {
        // a plain string is hostile input too
      }
      for (const result of await Promise.all([
        groups.saveGroupAction(value, null),
        groups.deleteGroupAction(name, 1),
        groups.deprecateGroupAction(name, 1),
        settings.changePasswordAction(value),
        settings.createTokenAction(value),
        settings.updateUserAction(value),
        settings.createUserAction(value),
      ])) {
        cases++;
        expect(result.ok).toBe(false);
        const text = JSON.stringify(result);
        for (const leak of LEAKS) expect(text).not.toMatch(leak);
      }
    },
  );

  it("wrote nothing", async () => {
    const { getPrisma } = await import("@/lib/db");
    expect(await getPrisma().featureGroup.count()).toBe(2);
    expect(await getPrisma().auditEvent.count()).toBe(auditsBefore);
  });
});
