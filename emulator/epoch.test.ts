import { describe, expect, it } from "vitest";
import { epochFromUnixMs, unixMsFromEpoch } from "./epoch";

describe("epoch encoding", () => {
  it("matches the contract's worked example (2025-01-01T00:00:00Z)", () => {
    expect(epochFromUnixMs(Date.parse("2025-01-01T00:00:00Z"))).toBe(7763027558400000n);
    expect(unixMsFromEpoch(7763027558400000n)).toBe(Date.parse("2025-01-01T00:00:00Z"));
  });
});
