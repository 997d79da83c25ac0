// The freshness collector against the emulator (RisingWave side) and PostgreSQL (samples, incidents).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as freshnessRoute from "@/app/api/freshness/route";
import * as incidentsRoute from "@/app/api/incidents/route";
import { clearFaults, setFault } from "@/emulator/faults";
import type { Emulator } from "@/emulator/emulator";
import { getPrisma } from "@/lib/db";
import { buildFreshnessBoard } from "@/lib/observability/board";
import { runCollectorCycle } from "@/lib/observability/collector";
import { applyRetention } from "@/lib/registry/samples";
import { startTestEmulator } from "../support/emulator";
import { startWebhookReceiver, type Receiver } from "../support/webhook-receiver";
import { registerDemoGroups } from "../support/registry";

let emulator: Emulator;
let receiver: Receiver;
let clock = Date.now();
const advance = async (seconds: number) => {
  for (let index = 0; index < seconds; index++) await emulator.tick((clock += 1_000));
};
const cycle = () => runCollectorCycle(new Date(clock), { webhookUrl: receiver.url });

beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
  receiver = await startWebhookReceiver();
  // A 5 s SLA so a stall breaches within seconds of test time.
  await registerDemoGroups({
    user_features_1h: 5,
    user_item_affinity: 600,
    order_value_features: 600,
    high_value_customers: 900,
    category_daily_stats: 600,
    session_activity: 600,
  });
  await advance(2);
});
afterAll(async () => {
  await emulator.stop();
  await receiver.close();
});

describe("freshness collector", () => {
  it("measures every group in at most 3 RisingWave statements", async () => {
    const result = await cycle();
    expect(result).toMatchObject({ groups: 6, breaches: 0, opened: 0 });
    expect(result.risingwaveQueries).toBeLessThanOrEqual(3);
    const board = await (await freshnessRoute.GET()).json();
    expect(board.groups.map((group: { name: string; status: string }) => group.status)).toEqual(["ok", "ok", "ok", "ok", "ok", "ok"]);
    // Event time is known for every group: the article's YAML names no column (last_event_ts is inferred),
    // session_activity's is a `timestamp` without time zone, high_value_customers lives in schema risk.
    for (const group of board.groups as { name: string; eventFreshnessSeconds: number | null }[])
      expect(group.eventFreshnessSeconds, group.name).not.toBeNull();
    const features = board.groups.find((group: { name: string }) => group.name === "user_features_1h");
    expect(features.processingFreshnessSeconds).toBeLessThan(2);
    expect(features.eventFreshnessSeconds).toBeLessThan(5);
    expect(board.groups.find((group: { name: string }) => group.name === "session_activity").eventFreshnessSeconds).toBeLessThan(5);
    // Another database's 42 s barriers and its failing sink of the same name are not ours (§11.12).
    expect(board.barrierLatencySeconds).toBeLessThan(1);
    expect(features.sources).toEqual([{ name: "user_events", connector: "KAFKA", lagMessages: 0 }]);
    expect(features.sinks.map((sink: { name: string; state: string }) => `${sink.name}:${sink.state}`).sort()).toEqual([
      "user_features_daily_snapshot:running",
      "user_features_to_redis:running",
    ]);
    const orders = board.groups.find((group: { name: string }) => group.name === "order_value_features");
    expect(orders.sources).toEqual([{ name: "orders_cdc", connector: "POSTGRES-CDC", lagMessages: null }]);
  });

  it("sums per-source lag over partitions once, not once per job; any lag error is 'unknown', never a failed board", async () => {
    await setFault(emulator.pool, "lag", "user_events", { messages: 900 });
    await advance(2);
    let board = await buildFreshnessBoard(); // not the route: it shares the first test's build for 5 s
    const lag = board.groups.find((group) => group.name === "user_features_1h")?.sources[0]?.lagMessages;
    expect(lag).toBeGreaterThan(0);
    expect(lag).toBeLessThanOrEqual(900); // four jobs read the topic: a sum over rows would be up to 3,600
    await clearFaults(emulator.pool, "user_events");
    await setFault(emulator.pool, "prometheus-down", "prometheus");
    board = await buildFreshnessBoard(); // the route would answer the build it shares for 5 s
    expect(board.risingwave.ok).toBe(true);
    expect(board.groups.find((group) => group.name === "user_features_1h")?.sources).toEqual([
      { name: "user_events", connector: "KAFKA", lagMessages: null },
    ]);
    await clearFaults(emulator.pool, "prometheus");
    await advance(11);
  });

  it("stall → breach, one incident, one webhook; resume → closed, a second webhook; no duplicates", async () => {
    await setFault(emulator.pool, "stall", "user_features_1h");
    await advance(8);
    const opened = await cycle();
    expect(opened).toMatchObject({ breaches: 1, opened: 1, delivered: 1 });
    const stalled = (await buildFreshnessBoard(clock)).groups.find((group) => group.name === "user_features_1h");
    expect(stalled?.cause).toMatchObject({
      stage: "mv",
      text: expect.stringMatching(/^the materialized view user_features_1h stopped committing/),
    });
    await advance(1);
    expect(await cycle()).toMatchObject({ opened: 0, delivered: 0 }); // still breaching: nothing new

    const open = await (await incidentsRoute.GET(new Request("http://t/api/incidents?open=1"))).json();
    expect(open.incidents).toHaveLength(1);
    expect(open.incidents[0]).toMatchObject({ groupName: "user_features_1h", closedAt: null, slaSeconds: 5 });
    expect(open.incidents[0].peakFreshnessSeconds).toBeGreaterThanOrEqual(9);

    await clearFaults(emulator.pool, "user_features_1h");
    await advance(11); // past the event-time cache (10 s), which measured the stalled MV
    expect(await cycle()).toMatchObject({ breaches: 0, closed: 1, delivered: 1 });
    await advance(1);
    await cycle();
    expect(receiver.messages.map((message) => (message.tideline as { event: string }).event)).toEqual([
      "incident.opened",
      "incident.closed",
    ]);
    expect(String(receiver.messages[0]?.text)).toContain("user_features_1h* breaches its freshness SLA");
    // The incident keeps the cause measured at its peak, whatever the last cycles before closing saw.
    const [closed] = (await (await incidentsRoute.GET(new Request("http://t/api/incidents?group=user_features_1h&limit=1"))).json())
      .incidents;
    expect(closed).toMatchObject({
      kind: "breach",
      cause: expect.stringMatching(/^the materialized view user_features_1h stopped committing/),
    });
  });

  it("fail-sink → the group serves stale values: degraded, the sink named, an incident and an alert; resume → closed", async () => {
    await setFault(emulator.pool, "fail-sink", "user_features_to_redis", { error: "Redis error: connection refused" });
    await advance(2);
    const opened = await cycle();
    expect(opened).toMatchObject({ breaches: 0, opened: 1, delivered: 1 });
    // Measured at the emulator's clock, which the test runs ahead of the wall clock.
    const board = await buildFreshnessBoard(clock);
    expect(board.counts.degraded).toBe(1);
    const features = board.groups.find((group) => group.name === "user_features_1h");
    expect(features?.status).toBe("degraded");
    expect(features?.cause).toMatchObject({ stage: "sink", subject: "user_features_to_redis" });
    expect(features?.cause?.text).toMatch(/^the Redis sink user_features_to_redis has failed since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    const open = await (await incidentsRoute.GET(new Request("http://t/api/incidents?open=1"))).json();
    expect(open.incidents).toEqual([
      expect.objectContaining({
        groupName: "user_features_1h",
        kind: "degraded",
        cause: expect.stringContaining("user_features_to_redis"),
      }),
    ]);
    const alert = receiver.messages.at(-1) as { text: string; tideline: { kind: string } };
    expect(alert.text).toContain("user_features_1h* serves stale values");
    expect(alert.tideline.kind).toBe("degraded");

    await clearFaults(emulator.pool, "user_features_to_redis");
    clock += 5 * 60_000; // the last SINK_FAIL leaves the failure window
    await advance(11);
    expect(await cycle()).toMatchObject({ closed: 1 });
  });

  it("lag on user_events names the Kafka consumer; order_value_features (orders_cdc only) is not delayed by it", async () => {
    await setFault(emulator.pool, "lag", "user_events", { messages: 50_000 });
    await advance(11); // past the event-time cache
    const board = await buildFreshnessBoard(clock);
    const features = board.groups.find((group) => group.name === "user_features_1h");
    expect(features?.status).toBe("breach");
    expect(features?.cause).toMatchObject({ stage: "source", subject: "user_events" });
    expect(features?.cause?.text).toMatch(/^the Kafka consumer of user_events is [\d,]+ messages behind$/);
    const orders = board.groups.find((group) => group.name === "order_value_features");
    expect(orders?.eventFreshnessSeconds).toBeLessThan(5);
    expect(orders?.cause).toBeNull();
    await clearFaults(emulator.pool, "user_events");
    await advance(11);
    await cycle(); // the breach the lag opened closes before the next test
  });

  it("retries a failed delivery with back-off and sends it exactly once", async () => {
    const openedMessages = () => receiver.messages.filter((message) => (message.tideline as { event: string }).event === "incident.opened");
    const before = openedMessages().length;
    receiver.failNext = 1;
    await setFault(emulator.pool, "stall", "user_features_1h");
    await advance(8);
    expect(await cycle()).toMatchObject({ opened: 1, delivered: 0, failed: 1 });
    clock += 6_000; // past the first 5 s back-off
    expect(await cycle()).toMatchObject({ delivered: 1 });
    expect(openedMessages()).toHaveLength(before + 1);
    await clearFaults(emulator.pool, "user_features_1h");
  });

  it("folds raw samples into 5-minute and hourly buckets and drops what is older than 7 days", async () => {
    const prisma = getPrisma();
    await prisma.freshnessSample.deleteMany();
    const now = new Date("2026-11-24T12:02:00Z");
    const sample = (minutesAgo: number, status: string, freshness: number, resolution = 0) => ({
      groupName: "g",
      at: new Date(now.getTime() - minutesAgo * 60_000),
      resolutionSeconds: resolution,
      status,
      freshnessSeconds: freshness,
      slaSeconds: 300,
    });
    await prisma.freshnessSample.createMany({
      data: [
        sample(10, "ok", 1),
        sample(70, "ok", 5),
        sample(71, "breach", 400),
        sample(73, "ok", 2),
        sample(26 * 60, "warning", 250, 300),
        sample(8 * 24 * 60, "ok", 1, 3600),
      ],
    });
    await applyRetention(now);
    const rows = await prisma.freshnessSample.findMany({ orderBy: [{ resolutionSeconds: "asc" }, { at: "asc" }] });
    expect(rows.map((row) => [row.resolutionSeconds, row.status, row.freshnessSeconds, row.at.toISOString()])).toEqual([
      [0, "ok", 1, "2026-11-24T11:52:00.000Z"],
      [300, "ok", 2, "2026-11-24T10:45:00.000Z"],
      [300, "breach", 400, "2026-11-24T10:50:00.000Z"],
      [3600, "warning", 250, "2026-11-23T10:00:00.000Z"],
    ]);
  });

  it("shares one board build among 50 concurrent viewers, and builds again once it is 5 s old", async () => {
    const { sharedFreshnessBoard } = await import("@/lib/observability/board");
    // Last in this file: a build at a later clock leaves its event times cached for the tests after it.
    const now = Date.now() + 60_000; // past any build an earlier request shared
    const boards = await Promise.all(Array.from({ length: 50 }, () => sharedFreshnessBoard(now)));
    expect(new Set(boards).size).toBe(1);
    expect(await sharedFreshnessBoard(now + 4_999)).toBe(boards[0]);
    expect(await sharedFreshnessBoard(now + 5_000)).not.toBe(boards[0]);
  });
});
