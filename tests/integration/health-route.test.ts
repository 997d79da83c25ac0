// GET /api/health against real PostgreSQL, a real (throwaway) Redis and a local archive folder.
import { mkdtempSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HealthReportSchema } from "@/lib/schemas/health";
import { freePort, startRedis, type TestRedis } from "../support/redis-server";

let redis: TestRedis;
let GET: () => Promise<Response>;

async function health() {
  const startedAt = Date.now();
  const response = await GET();
  return { response, elapsedMs: Date.now() - startedAt, body: HealthReportSchema.parse(await response.json()) };
}

beforeAll(async () => {
  redis = await startRedis();
  process.env.REDIS_URL = redis.url;
  process.env.ARCHIVE_URL = `file://${mkdtempSync(path.join(tmpdir(), "tideline-archive-"))}`;
  ({ GET } = await import("@/app/api/health/route"));
});

afterAll(async () => {
  await redis.stop();
});

describe("GET /api/health", () => {
  it("lists the four backends, all up", async () => {
    const { response, body } = await health();
    expect(response.status).toBe(200);
    // Cache-Control: no-store comes from next.config.js for every /api route (checked by e2e/shell.spec.ts).
    expect(body.status).toBe("ok");
    for (const backend of Object.values(body.backends)) expect(backend.ok).toBe(true);
  });

  it("turns degraded, still 200 and within 3 s, when Redis stops", async () => {
    await redis.stop();
    const { response, body, elapsedMs } = await health();
    expect(response.status).toBe(200);
    expect(elapsedMs).toBeLessThan(3_000);
    expect(body.status).toBe("degraded");
    expect(body.backends.redis.ok).toBe(false);
    expect(body.backends.redis.error).toBeTruthy();
    expect(body.backends.postgres.ok).toBe(true);
  });
});

describe("a backend that accepts connections but never answers", () => {
  let server: Server;
  const sockets: Socket[] = [];
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    server = createServer((socket) => sockets.push(socket)); // swallow everything, reply nothing
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  });
  afterAll(() => {
    sockets.forEach((socket) => socket.destroy());
    server.close();
  });

  it("is reported down within 3 s", async () => {
    const { Redis } = await import("ioredis");
    const { runProbe, PROBE_TIMEOUT_MS } = await import("@/lib/observability/health");
    const client = new Redis({ port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 10_000 });
    client.on("error", () => {});
    const startedAt = Date.now();
    const result = await runProbe(() => client.ping(), PROBE_TIMEOUT_MS);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(result).toMatchObject({ ok: false, error: `no answer within ${PROBE_TIMEOUT_MS} ms` });
    client.disconnect();
  });
});
