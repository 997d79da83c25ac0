// With RisingWave on a port that accepts and never answers, and then the registry on a closed port:
// routes answer 200 with the outage said, or 503 naming the backend, never 500; once a backend is
// known down, requests stop waiting for it (the gates in lib/risingwave/pool.ts and lib/db.ts).
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/redis-server";
import { withPort } from "../support/urls";

let hanging: Server;
const sockets: Socket[] = [];

async function timed(call: () => Promise<Response>) {
  const startedAt = performance.now();
  const response = await call();
  return { response, elapsedMs: performance.now() - startedAt };
}

beforeAll(async () => {
  const port = await freePort();
  hanging = createServer((socket) => sockets.push(socket)); // accepts, never answers
  await new Promise<void>((resolve) => hanging.listen(port, "127.0.0.1", resolve));
  process.env.RISINGWAVE_URL = withPort(process.env.RISINGWAVE_URL ?? "postgres://root@127.0.0.1:4566/dev", port);
});
afterAll(() => {
  sockets.forEach((socket) => socket.destroy());
  hanging.close();
});

describe("RisingWave hanging", () => {
  it("the first request waits out one connect timeout; the next ones answer at once, still 200 with the outage said", async () => {
    const freshness = await import("@/app/api/freshness/route");
    const first = await timed(() => freshness.GET());
    expect(first.response.status).toBe(200);
    expect(first.elapsedMs).toBeLessThan(3_000);
    expect((await first.response.json()).risingwave).toMatchObject({ ok: false });

    const second = await timed(() => freshness.GET());
    expect(second.response.status).toBe(200);
    expect(second.elapsedMs).toBeLessThan(200);
    expect((await second.response.json()).risingwave.error).toMatch(/^RisingWave is unreachable/);
  });

  it("routes that need RisingWave answer 503 naming it, within 200 ms", async () => {
    const lineage = await import("@/app/api/lineage/route");
    const views = await import("@/app/api/risingwave/materialized-views/route");
    for (const call of [
      () => lineage.GET(new Request("http://t/api/lineage")),
      () => views.GET(new Request("http://t/api/risingwave/materialized-views")),
    ]) {
      const { response, elapsedMs } = await timed(call);
      expect(response.status).toBe(503);
      expect(elapsedMs).toBeLessThan(200);
      expect((await response.json()).error).toContain("RisingWave is unreachable");
    }
  });
});
