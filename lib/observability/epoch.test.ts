import { describe, expect, it } from "vitest";
import { epochToUnixMs } from "./epoch";

describe("epochToUnixMs", () => {
  it("decodes the contract's worked example", () => {
    expect(new Date(epochToUnixMs("7763027558400000")).toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });
  it("ignores the lower 16 sequence bits", () => {
    expect(epochToUnixMs(7763027558400000n + 65_535n)).toBe(Date.parse("2025-01-01T00:00:00Z"));
    expect(epochToUnixMs(7763027558400000n + 65_536n)).toBe(Date.parse("2025-01-01T00:00:00.001Z"));
  });
  it("stays exact beyond 2^53 (no float rounding)", () => {
    const epoch = (BigInt(Date.parse("2030-06-01T12:34:56.789Z")) - 1_617_235_200_000n) << 16n;
    expect(epoch > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(new Date(epochToUnixMs(epoch.toString())).toISOString()).toBe("2030-06-01T12:34:56.789Z");
  });
});
