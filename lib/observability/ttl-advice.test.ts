import { describe, expect, it } from "vitest";
import type { GroupRedisStats, PatternStats } from "./redis-stats";
import { recommendedTtlSeconds, ttlAdvice } from "./ttl-advice";

const pattern = (overrides: Partial<PatternStats>): PatternStats => ({
  glob: "features:user:*",
  role: "cache",
  groups: ["g"],
  keys: { count: 1_000, exact: true, margin: 0 },
  memoryBytes: 100_000,
  sampled: 200,
  ttl: { "no TTL": 0, "< 1 min": 0, "< 1 h": 200, "< 1 d": 0, longer: 0 },
  types: { hash: 200 },
  coverage: 1,
  ...overrides,
});
const stats = (patterns: PatternStats[], mvRows: number | null = 1_000): GroupRedisStats => ({
  group: "g",
  keys: patterns.reduce((sum, item) => sum + item.keys.count, 0),
  exact: true,
  margin: 0,
  memoryBytes: null,
  mvRows,
  patterns,
  newestValueAt: null,
});
const rules = (advice: { rule: string }[]) => advice.map((item) => item.rule);

describe("ttlAdvice", () => {
  it("recommends the SLA plus half again, at least a minute more", () => {
    expect(recommendedTtlSeconds(30)).toBe(90);
    expect(recommendedTtlSeconds(600)).toBe(900);
  });

  it("flags a configured TTL below the SLA, with the cache's keys and the fix", () => {
    const [advice] = ttlAdvice({ freshness_sla_seconds: 300, redis: { kind: "hash", ttl_seconds: 60 } }, stats([pattern({})]));
    expect(advice).toMatchObject({ rule: "ttl_below_sla", severity: "warning", keys: 1_000, reclaimableBytes: null });
    expect(advice?.message).toBe(
      "The cache TTL (1 min) is shorter than the freshness SLA (5 min): a value can expire before its next refresh, and reads miss.",
    );
    expect(advice?.fix).toBe("Set ttl_seconds to the SLA plus a buffer: 450 s (7.5 min).");
  });

  it("is quiet for a TTL of the SLA plus a buffer, and without Redis figures", () => {
    expect(ttlAdvice({ freshness_sla_seconds: 300, redis: { kind: "hash", ttl_seconds: 450 } }, stats([pattern({})]))).toEqual([]);
    expect(ttlAdvice({ freshness_sla_seconds: 300 }, null)).toEqual([]);
  });

  it("estimates the cache keys without a TTL from the walk's sample", () => {
    const advice = ttlAdvice(
      { freshness_sla_seconds: 300 },
      stats([pattern({ ttl: { "no TTL": 50, "< 1 min": 0, "< 1 h": 150, "< 1 d": 0, longer: 0 } })]),
    );
    expect(advice).toEqual([expect.objectContaining({ rule: "cache_without_ttl", keys: 250 })]);
  });

  it("a TTL far above the SLA: informs, and counts the keys beyond the MV's rows as what it frees", () => {
    const advice = ttlAdvice(
      { freshness_sla_seconds: 30, redis: { kind: "hash", ttl_seconds: 7_200 } },
      stats([pattern({ keys: { count: 1_500, exact: true, margin: 0 }, memoryBytes: 150_000 })], 1_000),
    );
    expect(advice).toEqual([expect.objectContaining({ rule: "ttl_far_above_sla", severity: "info", keys: 500, reclaimableBytes: 50_000 })]);
    expect(advice[0]?.message).toContain("240× the freshness SLA");
  });

  it("finds sink keys left for rows the MV no longer has, but not a shape shared by groups or a few in-flight writes", () => {
    const sink = pattern({
      glob: '{"user_id":*}',
      role: "json-sink",
      keys: { count: 1_300, exact: true, margin: 0 },
      memoryBytes: 130_000,
    });
    expect(ttlAdvice({ freshness_sla_seconds: 30 }, stats([sink], 1_000))).toEqual([
      expect.objectContaining({ rule: "sink_leftovers", keys: 300, reclaimableBytes: 30_000 }),
    ]);
    expect(ttlAdvice({ freshness_sla_seconds: 30 }, stats([{ ...sink, groups: ["g", "h"] }], 1_000))).toEqual([]);
    expect(ttlAdvice({ freshness_sla_seconds: 30 }, stats([sink], 1_290))).toEqual([]);
    expect(ttlAdvice({ freshness_sla_seconds: 30 }, stats([sink], null))).toEqual([]);
  });

  it("puts warnings before information", () => {
    const advice = ttlAdvice(
      { freshness_sla_seconds: 30, redis: { kind: "hash", ttl_seconds: 7_200 } },
      stats([pattern({ ttl: { "no TTL": 20, "< 1 min": 0, "< 1 h": 180, "< 1 d": 0, longer: 0 } })]),
    );
    expect(rules(advice)).toEqual(["cache_without_ttl", "ttl_far_above_sla"]);
  });
});
