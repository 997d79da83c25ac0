import { describe, expect, it } from "vitest";
import { newestValueTime } from "./redis-stats";

describe("newestValueTime", () => {
  it("takes the newest event time among sampled JSON sink values, in any of RisingWave's encodings", () => {
    const values = [
      JSON.stringify({ user_id: 1, last_event_ts: "2026-11-24 10:00:05.123000+00:00" }),
      JSON.stringify({ user_id: 2, last_event_ts: "2026-11-24T10:00:09Z" }),
      "not json",
      JSON.stringify({ user_id: 3 }),
    ];
    expect(newestValueTime(values, "last_event_ts")).toBe(Date.parse("2026-11-24T10:00:09Z"));
    expect(newestValueTime(values, null)).toBeNull();
    expect(newestValueTime(["{}"], "last_event_ts")).toBeNull();
  });
});
