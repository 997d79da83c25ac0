import { describe, expect, it } from "vitest";
import { checkHealth, runProbe } from "./health";

const never = () => new Promise<never>(() => {});

describe("runProbe", () => {
  it("reports success with a latency", async () => {
    const result = await runProbe(async () => "PONG", 1_000);
    expect(result.ok).toBe(true);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.error).toBeUndefined();
  });

  it("turns a rejection into ok:false with the message, without the backend's address", async () => {
    const result = await runProbe(async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:6379");
    }, 1_000);
    expect(result).toMatchObject({ ok: false, error: "connect ECONNREFUSED <host>" });
  });

  it("turns a synchronous throw into ok:false", async () => {
    const result = await runProbe(() => {
      throw new Error("boom");
    }, 1_000);
    expect(result).toMatchObject({ ok: false, error: "boom" });
  });

  it("gives up on a hanging backend at the deadline", async () => {
    const result = await runProbe(never, 50);
    expect(result.ok).toBe(false);
    expect(result.error).toBe("no answer within 50 ms");
    expect(result.latencyMs).toBeGreaterThanOrEqual(45);
    expect(result.latencyMs).toBeLessThan(1_000);
  });

  it("reports the first inner error of an AggregateError", async () => {
    const result = await runProbe(async () => {
      throw new AggregateError([new Error("ECONNREFUSED ::1"), new Error("ECONNREFUSED 127.0.0.1")], "");
    }, 1_000);
    expect(result.error).toBe("ECONNREFUSED ::1");
  });
});

describe("checkHealth", () => {
  const up = async () => undefined;

  it("is ok when every backend answers", async () => {
    const report = await checkHealth({ postgres: up, risingwave: up, redis: up, archive: up });
    expect(report.status).toBe("ok");
    expect(Object.keys(report.backends)).toEqual(["postgres", "risingwave", "redis", "archive"]);
  });

  it("is degraded when one backend hangs, and still answers by the deadline", async () => {
    const startedAt = Date.now();
    const report = await checkHealth({ postgres: up, risingwave: up, redis: never, archive: up }, 100);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(report.status).toBe("degraded");
    expect(report.backends.redis.ok).toBe(false);
    expect(report.backends.postgres.ok).toBe(true);
  });
});
