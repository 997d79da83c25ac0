// One collector among replicas: two leases on the real registry database contend for the advisory lock.
import { afterAll, describe, expect, it } from "vitest";
import { CollectorLease } from "@/lib/registry/collector-lease";

const url = process.env.DATABASE_URL ?? "";
// A key of this test's own: collector-processes.test.ts contends for the real one at the same time.
const KEY = 74_330_999;
const first = new CollectorLease(url, KEY);
const second = new CollectorLease(url, KEY);
afterAll(async () => {
  await first.release();
  await second.release();
});

describe("CollectorLease", () => {
  it("lets exactly one replica collect, and hands over when the holder goes away", async () => {
    expect(await first.acquire()).toBe(true);
    expect(await second.acquire()).toBe(false);
    expect(await first.acquire()).toBe(true); // still the holder, cycle after cycle
    expect(await second.acquire()).toBe(false);

    await first.release(); // the holder dies: its session, and with it the lock, ends
    expect(await second.acquire()).toBe(true);
    expect(await first.acquire()).toBe(false);
  });

  it("says no, without throwing, when the database cannot be reached", async () => {
    const unreachable = new CollectorLease("postgres://postgres@127.0.0.1:1/tideline");
    expect(await unreachable.acquire()).toBe(false);
    expect(unreachable.lastError).toBe("connection refused");
  });
});
