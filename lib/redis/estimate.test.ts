import { describe, expect, it } from "vitest";
import { Reservoir, estimateCount, parseInfo, ttlBucket } from "./estimate";
import { keyPatterns, matchesPieces } from "../entity-keys/shapes";

describe("estimateCount", () => {
  it("is exact after a complete walk and an estimate with a bound otherwise", () => {
    expect(estimateCount(120, 1_000, 1_000, true)).toEqual({ count: 120, exact: true, margin: 0 });
    const partial = estimateCount(3_000, 10_000, 1_000_000, false);
    expect(partial).toMatchObject({ count: 300_000, exact: false });
    const wider = estimateCount(300, 1_000, 1_000_000, false);
    expect(partial.margin).toBeGreaterThan(0);
    expect(wider.margin).toBeGreaterThan(partial.margin); // a smaller sample, a wider bound
    expect(estimateCount(0, 0, 50, false)).toEqual({ count: 0, exact: false, margin: 50 });
  });
});

describe("helpers", () => {
  it("buckets TTLs, samples uniformly up to a size and reads INFO", () => {
    expect([-1, 5_000, 600_000, 7_200_000, 172_800_000].map(ttlBucket)).toEqual(["no TTL", "< 1 min", "< 1 h", "< 1 d", "longer"]);
    const reservoir = new Reservoir<number>(10, () => 0.999);
    for (let value = 0; value < 1_000; value++) reservoir.offer(value);
    expect(reservoir.items).toHaveLength(10);
    expect(parseInfo("# Memory\r\nused_memory:1024\r\nkeyspace_hits:9\r\n").get("used_memory")).toBe("1024");
  });

  it("derives each group's key shapes, sharing identical ones", () => {
    const patterns = keyPatterns([
      { group: "a", keyColumns: ["user_id"], sinks: [{ keyFormat: null }], cacheTemplate: "features:user:{user_id}" },
      { group: "b", keyColumns: ["user_id"], sinks: [{ keyFormat: null }, { keyFormat: "orders:{user_id}\\{x\\}" }], cacheTemplate: null },
    ]);
    expect(patterns.map((pattern) => [pattern.glob, pattern.role, pattern.groups])).toEqual([
      ['{"user_id":*}', "json-sink", ["a", "b"]],
      ["features:user:*", "cache", ["a"]],
      ["orders:*{x}", "template-sink", ["b"]],
    ]);
    expect(matchesPieces(patterns[0]?.pieces ?? [], '{"user_id":42}')).toBe(true);
    expect(matchesPieces(patterns[2]?.pieces ?? [], "orders:7{x}")).toBe(true);
    expect(matchesPieces(patterns[1]?.pieces ?? [], "features:item:7")).toBe(false);
  });
});
