import { describe, expect, it } from "vitest";
import { assessGroups, failureStreakStart, upstreamOf, type PipelineSnapshot, type RegisteredGroup } from "./assess";

const NOW = Date.parse("2026-11-24T12:00:00Z");
const epochAt = (ms: number) => ((BigInt(ms) - 1_617_235_200_000n) << 16n).toString();
const group = (name: string, sla: number, overrides: Partial<RegisteredGroup> = {}): RegisteredGroup => ({
  name,
  owner: "o",
  team: null,
  tags: [],
  slaSeconds: sla,
  materializedView: name,
  timestampColumn: null,
  ...overrides,
});

function snapshot(overrides: Partial<PipelineSnapshot> = {}): PipelineSnapshot {
  return {
    mvs: [
      { id: 10, name: "fresh", status: "Created", committedEpoch: epochAt(NOW - 2_000) },
      { id: 11, name: "stale", status: "Created", committedEpoch: epochAt(NOW - 400_000) },
      { id: 12, name: "creating", status: "Creating", committedEpoch: epochAt(NOW - 30_000) },
    ],
    edges: [
      { downstream: 10, upstream: 1 },
      { downstream: 11, upstream: 10 },
      { downstream: 20, upstream: 10 },
      { downstream: 12, upstream: 2 },
    ],
    sources: [
      { id: 1, name: "events", connector: "KAFKA" },
      { id: 2, name: "orders", connector: "POSTGRES-CDC" },
    ],
    kafkaLag: new Map([[1, { lag: 1234, partitions: 3 }]]),
    sinks: [{ id: 20, name: "fresh_to_redis", connector: "REDIS", jobStatus: "CREATED", decoupled: true }],
    sinkFailures: [{ sinkId: 20, sinkName: "fresh_to_redis", error: "connection refused", at: new Date(NOW - 60_000) }],
    ddlProgress: [{ ddlId: 12, progress: "42.00% (42/100)" }],
    eventTimes: new Map(),
    ...overrides,
  };
}

describe("assessGroups", () => {
  it("uses the app's clock on the committed epoch and sorts breaches first", () => {
    const result = assessGroups([group("fresh", 300), group("stale", 300)], snapshot({ sinkFailures: [] }), NOW, new Map(), new Map());
    expect(result.map((g) => [g.name, g.status])).toEqual([
      ["stale", "breach"],
      ["fresh", "ok"],
    ]);
    expect(result[1]?.processingFreshnessSeconds).toBe(2);
    expect(result[0]?.freshnessSeconds).toBe(400);
  });

  it("reports Kafka lag through the lineage, and unknown (null) lag for a CDC source, never 0", () => {
    const [stale] = assessGroups([group("stale", 300)], snapshot(), NOW, new Map(), new Map());
    expect(stale?.sources).toEqual([{ name: "events", connector: "KAFKA", lagMessages: 1234 }]);
    const [creating] = assessGroups([group("creating", 300)], snapshot(), NOW, new Map(), new Map());
    expect(creating?.sources).toEqual([{ name: "orders", connector: "POSTGRES-CDC", lagMessages: null }]);
  });

  it("marks a recently failed sink as failing and a creating MV with its backfill progress", () => {
    const [fresh] = assessGroups([group("fresh", 300)], snapshot(), NOW, new Map(), new Map());
    expect(fresh?.sinks[0]).toMatchObject({ name: "fresh_to_redis", state: "failing", lastError: "connection refused" });
    const [creating] = assessGroups([group("creating", 300)], snapshot(), NOW, new Map(), new Map());
    expect(creating).toMatchObject({ status: "unknown", backfill: { kind: "percent", percent: 42 } });
  });

  it("takes the worse of processing and event-time freshness", () => {
    const state = snapshot({ eventTimes: new Map([["fresh", new Date(NOW - 250_000)]]), sinkFailures: [] });
    const [fresh] = assessGroups([group("fresh", 300, { timestampColumn: "ts" })], state, NOW, new Map(), new Map());
    expect(fresh).toMatchObject({ status: "warning", freshnessSeconds: 250, eventFreshnessSeconds: 250, processingFreshnessSeconds: 2 });
  });

  it("calls a fresh group whose Redis sink fails 'degraded' (serving stale), named with the run of failures' start", () => {
    const failures = [30_000, 60_000, 200_000, 900_000].map((ago) => ({
      sinkId: 20,
      sinkName: "fresh_to_redis",
      error: "connection refused",
      at: new Date(NOW - ago),
    }));
    const [fresh] = assessGroups([group("fresh", 300)], snapshot({ sinkFailures: failures }), NOW, new Map(), new Map());
    // 900 s ago is more than the 5-minute window before the 200 s failure: the run starts at 200 s.
    expect(fresh?.sinks[0]?.failingSince).toBe(new Date(NOW - 200_000).toISOString());
    expect(fresh).toMatchObject({
      status: "degraded",
      cause: { stage: "sink", subject: "fresh_to_redis", text: expect.stringContaining("has failed since 2026-11-24 11:56:40 UTC") },
    });
  });

  it("keeps breach above serving stale, and a sink that stopped failing is not a cause", () => {
    const state = snapshot({ mvs: [{ id: 10, name: "fresh", status: "Created", committedEpoch: epochAt(NOW - 400_000) }] });
    expect(assessGroups([group("fresh", 300)], state, NOW, new Map(), new Map())[0]).toMatchObject({
      status: "breach",
      cause: { stage: "mv" },
    });
    const old = snapshot({ sinkFailures: [{ sinkId: 20, sinkName: "fresh_to_redis", error: "x", at: new Date(NOW - 600_000) }] });
    expect(assessGroups([group("fresh", 300)], old, NOW, new Map(), new Map())[0]).toMatchObject({ status: "ok", cause: null });
  });

  it("names the stage that holds the delay: MV commits, then the Kafka consumer, then quiet sources", () => {
    const [stale] = assessGroups([group("stale", 300)], snapshot(), NOW, new Map(), new Map());
    expect(stale?.cause).toEqual({ stage: "mv", subject: "stale", text: "the materialized view stale stopped committing 6.7 min ago" });
    const lagging = snapshot({ eventTimes: new Map([["fresh", new Date(NOW - 400_000)]]), sinkFailures: [] });
    const [behind] = assessGroups([group("fresh", 300, { timestampColumn: "ts" })], lagging, NOW, new Map(), new Map());
    expect(behind?.cause).toEqual({ stage: "source", subject: "events", text: "the Kafka consumer of events is 1,234 messages behind" });
    const quiet = snapshot({ eventTimes: new Map([["fresh", new Date(NOW - 400_000)]]), sinkFailures: [], kafkaLag: null });
    const [silent] = assessGroups([group("fresh", 300, { timestampColumn: "ts" })], quiet, NOW, new Map(), new Map());
    expect(silent?.cause).toMatchObject({ stage: "events", text: expect.stringMatching(/^no new events for 6.7 min: fresh commits/) });
  });

  it("finds where a run of failures began", () => {
    const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000);
    expect(failureStreakStart([])).toBeNull();
    expect(failureStreakStart([at(1), at(3), at(6), at(20)])).toEqual(at(6));
  });

  it("is unknown when RisingWave is unreachable or the MV is missing", () => {
    expect(assessGroups([group("fresh", 300)], null, NOW, new Map(), new Map())[0]).toMatchObject({
      status: "unknown",
      reason: "RisingWave is unreachable",
    });
    expect(assessGroups([group("gone", 300)], snapshot(), NOW, new Map(), new Map())[0]).toMatchObject({
      status: "unknown",
      reason: "materialized view gone does not exist",
    });
  });

  it("applies hysteresis from the previous status and carries the open incident's start", () => {
    const state = snapshot({ mvs: [{ id: 10, name: "fresh", status: "Created", committedEpoch: epochAt(NOW - 280_000) }] });
    const since = new Date(NOW - 600_000);
    const [result] = assessGroups([group("fresh", 300)], state, NOW, new Map([["fresh", "breach"]]), new Map([["fresh", since]]));
    expect(result).toMatchObject({ status: "breach", breachSince: since.toISOString() });
  });

  it("walks lineage upstream without recursion limits or cycles", () => {
    expect([...upstreamOf(11, snapshot().edges)].sort()).toEqual([1, 10]);
    expect(
      [
        ...upstreamOf(1, [
          { downstream: 1, upstream: 2 },
          { downstream: 2, upstream: 1 },
        ]),
      ].sort(),
    ).toEqual([1, 2]);
  });
});
