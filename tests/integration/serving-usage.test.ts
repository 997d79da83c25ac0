// The serving figures over the last hour: counted in memory, written to Redis by minute, summed back.
// Group names of its own: other test files of the run serve real groups into the same Redis database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testRedisUrl } from "../support/emulator";

const MINUTE = 60_000;
// Unique per run: the counters live an hour in Redis, and an earlier run may have used this database.
const RUN = `${process.pid}_${Date.now() % 100_000}`;
const USERS = `usage_test_users_${RUN}`;
const ORDERS = `usage_test_orders_${RUN}`;
const now = Math.floor(Date.now() / MINUTE) * MINUTE + 30_000;

beforeAll(() => {
  process.env.REDIS_URL = testRedisUrl();
});
afterAll(async () => {
  const { getRedis } = await import("@/lib/redis/client");
  const redis = getRedis();
  redis.disconnect();
});

describe("serving usage", () => {
  it("sums the answers of the last 60 minutes per group: requests, stale, from RisingWave", async () => {
    const { flushServingUsage, readServingUsage, recordServingUsage } = await import("@/lib/redis/serving-usage");
    const answer = (group: string, source: "redis" | "risingwave", stale: boolean, times: number) => {
      for (let index = 0; index < times; index++) recordServingUsage(group, { source, stale });
    };
    answer(USERS, "redis", false, 7);
    answer(USERS, "risingwave", true, 2);
    await flushServingUsage(now - 70 * MINUTE); // outside the hour
    answer(USERS, "redis", false, 5);
    await flushServingUsage(now - 30 * MINUTE);
    answer(USERS, "redis", true, 3);
    answer(ORDERS, "risingwave", false, 4);
    await flushServingUsage(now);
    const usage = await readServingUsage(now);
    expect(usage.get(USERS)).toEqual({ requests: 8, stale: 3, fallback: 0 });
    expect(usage.get(ORDERS)).toEqual({ requests: 4, stale: 0, fallback: 4 });
    expect(usage.has(`usage_test_other_${RUN}`)).toBe(false);
  });
});
