import { describe, expect, it } from "vitest";
import { parseRedisTarget } from "./url";

describe("parseRedisTarget", () => {
  it("one server keeps its URL", () => {
    expect(parseRedisTarget("redis://127.0.0.1:6379/0")).toEqual({ kind: "server", url: "redis://127.0.0.1:6379/0" });
  });

  it("the sink's JSON array form is a cluster, credentials from the first node", () => {
    expect(parseRedisTarget('["rediss://app:s%40cret@h1:7000","rediss://h2:7001","rediss://h3"]')).toEqual({
      kind: "cluster",
      nodes: [
        { host: "h1", port: 7000 },
        { host: "h2", port: 7001 },
        { host: "h3", port: 6379 },
      ],
      username: "app",
      password: "s@cret",
      tls: true,
    });
  });

  it("refuses what is neither, saying what is expected", () => {
    expect(() => parseRedisTarget("http://h1:7000")).toThrow(/redis:\/\/ or rediss:\/\/ URL/);
    expect(() => parseRedisTarget("[redis://h1:7000]")).toThrow(/JSON array of node URLs/);
    expect(() => parseRedisTarget("[]")).toThrow(/JSON array of redis:\/\/ URLs/);
    expect(() => parseRedisTarget('["redis://h1:7000", 7001]')).toThrow(/JSON array of redis:\/\/ URLs/);
  });
});
