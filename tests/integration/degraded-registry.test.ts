// The registry's PostgreSQL on a closed port: API routes answer 503 naming it (never 500), at once
// after the first failure, and /api/health says which backend is down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/redis-server";
import { withPort } from "../support/urls";

let realUrl: string | undefined;
beforeAll(async () => {
  realUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = withPort(realUrl ?? "postgres://postgres@127.0.0.1:5432/tideline", await freePort());
});
afterAll(() => {
  process.env.DATABASE_URL = realUrl;
});

describe("the registry down", () => {
  it("answers 503 naming the registry, then at once while it stays down", async () => {
    const groups = await import("@/app/api/groups/route");
    const incidents = await import("@/app/api/incidents/route");
    const first = await groups.GET(new Request("http://t/api/groups?q=purchase"));
    expect(first.status).toBe(503);
    expect((await first.json()).error).toContain("The registry database is unreachable");
    for (const call of [() => groups.GET(new Request("http://t/api/groups")), () => incidents.GET(new Request("http://t/api/incidents"))]) {
      const startedAt = performance.now();
      const response = await call();
      expect(response.status).toBe(503);
      expect(performance.now() - startedAt).toBeLessThan(200);
      expect((await response.json()).error).toMatch(/^The registry database is unreachable \(since .* UTC\)/);
    }
  });

  it("GET /api/health stays 200 and names the registry as down", async () => {
    const health = await import("@/app/api/health/route");
    const body = await (await health.GET()).json();
    expect(body.status).toBe("degraded");
    expect(body.backends.postgres.ok).toBe(false);
  });
});
