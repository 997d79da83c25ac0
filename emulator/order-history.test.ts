import { describe, expect, it } from "vitest";
import { ORDER_HISTORY_MS, orderHistory } from "./order-history";
import { createRandom } from "./random";
import { pickUserShares } from "./workload";

describe("order history", () => {
  const nowMs = Date.parse("2026-12-06T12:00:00Z");
  const { orders, highValue } = orderHistory(createRandom(7), { ordersPerSecond: 15, users: 5_000, nowMs });

  it("is the live process run for 30 days: its order count, value and high-value share", () => {
    const total = orders.reduce((sum, row) => sum + row.totalOrders, 0);
    expect(total / ((15 * ORDER_HISTORY_MS) / 1000)).toBeCloseTo(1, 2);
    const value = orders.reduce((sum, row) => sum + Number(row.lifetimeValue), 0);
    expect(value / total).toBeGreaterThan(255 * 0.99); // uniform in [10, 500): mean 255
    expect(value / total).toBeLessThan(255 * 1.01);
    const high = highValue.reduce((sum, row) => sum + row.highValueOrders, 0);
    expect(high / total).toBeCloseTo(300 / 490, 2);
    for (const row of highValue) {
      expect(Number(row.maxOrderValue)).toBeGreaterThanOrEqual(200);
      expect(Number(row.maxOrderValue)).toBeLessThan(500);
    }
  });

  it("ages the last order as the live stream will: exponential with each customer's rate", () => {
    const shares = pickUserShares(5_000);
    // Age × rate is Exp(1) for every customer: its mean is 1 and its median ln 2, skew or not.
    const scaled = orders.map((row) => {
      const user = Number(row.customerId.length > 15 ? BigInt(row.customerId) - 9_007_199_254_740_993n : BigInt(row.customerId));
      return ((nowMs - row.lastOrderMs) * 15 * (shares[user - 1] ?? 0)) / 1000;
    });
    const mean = scaled.reduce((sum, value) => sum + value, 0) / scaled.length;
    const median = [...scaled].sort((a, b) => a - b)[Math.floor(scaled.length / 2)] ?? 0;
    expect(mean).toBeCloseTo(1, 1);
    expect(median).toBeCloseTo(Math.LN2, 1);
  });
});
