import { describe, expect, it } from "vitest";
import { formatDateTime, formatDuration } from "./format";

describe("format", () => {
  it("says durations the way people do", () => {
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(300)).toBe("5 min");
    expect(formatDuration(5_400)).toBe("1.5 h");
    expect(formatDuration(172_800)).toBe("2 d");
    expect(formatDuration(Number.NaN)).toBe("–");
  });
  it("prints UTC timestamps", () => {
    expect(formatDateTime("2026-11-24T13:05:09.123Z")).toBe("2026-11-24 13:05:09 UTC");
  });
});
