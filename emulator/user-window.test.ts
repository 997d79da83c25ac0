import { describe, expect, it } from "vitest";
import { createRandom } from "./random";
import { poisson } from "./random";
import { UserWindow, WINDOW_MS } from "./user-window";
import { generateTraffic, type UserEvent } from "./workload";

const T0 = Date.parse("2026-12-06T10:00:00Z"); // a session (30-minute) boundary
const event = (userId: number, eventType: UserEvent["eventType"], ms: number): UserEvent => ({
  userId,
  eventType,
  itemId: 1,
  sessionId: "",
  ts: new Date(ms),
});
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe("UserWindow", () => {
  it("counts a user's events, purchases, views and 30-minute sessions over the hour", () => {
    const window = new UserWindow();
    const touched = window.add([
      event(7, "view", T0 - 1_000), // the session before T0
      event(7, "purchase", T0 + 5_000),
      event(7, "view", T0 + 65_000),
      event(8, "click", T0 + 10_000),
    ]);
    expect([...touched].sort()).toEqual([7, 8]);
    expect(window.row(7)).toEqual({
      user_id: 7,
      event_count_1h: 3,
      session_count_1h: 2,
      purchase_count_1h: 1,
      view_count_1h: 2,
      last_event_ts: new Date(T0 + 65_000),
    });
    expect(window.row(9)).toBeNull();
  });

  it("drops whole minutes once they left the hour, and a user with nothing left has no row", () => {
    const window = new UserWindow();
    window.add([event(7, "view", T0 + 1_000), event(7, "view", T0 + 61_000), event(8, "view", T0 + 2_000)]);
    expect([...window.expire(T0 + WINDOW_MS + 59_000)]).toEqual([]); // the first minute still overlaps the hour
    expect([...window.expire(T0 + WINDOW_MS + 60_000)].sort()).toEqual([7, 8]);
    expect(window.row(7)?.event_count_1h).toBe(1);
    expect(window.row(8)).toBeNull();
    expect([...window.users()]).toEqual([7]);
  });

  it("multiplies a shifted column, rounded, and leaves the others", () => {
    const window = new UserWindow();
    window.add([event(7, "purchase", T0), event(7, "purchase", T0 + 1), event(7, "view", T0 + 2)]);
    const row = window.row(7, new Map([["purchase_count_1h", 2.6]]));
    expect(row?.purchase_count_1h).toBe(5);
    expect(row?.event_count_1h).toBe(3);
    expect(row?.view_count_1h).toBe(1);
  });

  it("fills the hour so the stream keeps its distribution: an hour of live traffic later, the counts look the same", () => {
    const random = createRandom(1);
    const options = { rate: 40, users: 200 };
    const window = new UserWindow();
    window.fillHistory(random, { ...options, nowMs: T0 });
    const rows = (users: Set<number>) => [...users].map((user) => window.row(user)!);
    const before = rows(window.users());
    const busiestBefore = window.row(1)!.event_count_1h;
    // Expected events per user and hour: rate × 3,600 / users.
    expect(mean(before.map((row) => row.event_count_1h))).toBeCloseTo((40 * 3_600) / 200, -1);
    for (let second = 1; second <= 3_600; second++) {
      window.add(
        generateTraffic(random, {
          ...options,
          items: 50,
          eventCount: 40,
          orderCount: 0,
          eventTimeEnd: T0 + second * 1_000,
          orderTimeEnd: 0,
        }).events,
      );
      window.expire(T0 + second * 1_000);
    }
    const after = rows(window.users());
    for (const column of ["event_count_1h", "purchase_count_1h", "view_count_1h", "session_count_1h"] as const) {
      const was = mean(before.map((row) => row[column]));
      expect(Math.abs(mean(after.map((row) => row[column])) - was) / was).toBeLessThan(0.05);
    }
    // The skew too: the busiest user's share.
    expect(window.row(1)!.event_count_1h / busiestBefore).toBeGreaterThan(0.85);
    expect(window.row(1)!.event_count_1h / busiestBefore).toBeLessThan(1.15);
  });
});

describe("poisson", () => {
  it("has the asked mean and variance, small and large", () => {
    const random = createRandom(3);
    for (const lambda of [0.5, 4, 80]) {
      const draws = Array.from({ length: 20_000 }, () => poisson(random, lambda));
      const average = mean(draws);
      expect(Math.abs(average - lambda) / lambda).toBeLessThan(0.03);
      expect(Math.abs(mean(draws.map((draw) => (draw - average) ** 2)) - lambda) / lambda).toBeLessThan(0.06);
    }
    expect(poisson(random, 0)).toBe(0);
  });
});
