import { describe, expect, it } from "vitest";
import { BackendGate, isConnectionFailure, isPoolBusy } from "./backend-gate";

describe("BackendGate", () => {
  it("fails fast once a backend is known down, and opens again when a probe answers", async () => {
    let answering = false;
    const gate = new BackendGate(
      "risingwave",
      async () => {
        if (!answering) throw new Error("connection refused");
      },
      { probeEveryMs: 60_000, probeTimeoutMs: 100, now: () => Date.parse("2026-11-24T10:00:00Z") },
    );
    expect(() => gate.check()).not.toThrow();

    gate.markDown("timeout exceeded when trying to connect");
    const started = performance.now();
    expect(() => gate.check()).toThrow(
      "RisingWave is unreachable (since 2026-11-24 10:00:00 UTC): timeout exceeded when trying to connect",
    );
    expect(performance.now() - started).toBeLessThan(5);

    await gate.probeOnce();
    expect(gate.state()).toMatchObject({ up: false, lastError: "connection refused" });
    answering = true;
    await gate.probeOnce();
    expect(gate.state()).toEqual({ up: true, downSince: null, lastError: null });
    expect(() => gate.check()).not.toThrow();
  });

  it("treats a probe that hangs as down", async () => {
    const gate = new BackendGate("registry", () => new Promise(() => {}), { probeEveryMs: 60_000, probeTimeoutMs: 20 });
    gate.markDown("no answer");
    await gate.probeOnce();
    expect(gate.state().up).toBe(false);
    gate.markUp();
  });
});

describe("BackendGate.guard", () => {
  it("passes answers and the backend's own errors through; 'down' closes the gate, 'slow' only answers 503", async () => {
    const gate = new BackendGate("redis", async () => {}, { probeEveryMs: 60_000, probeTimeoutMs: 100 });
    const judge = (error: unknown) => (String(error).includes("REFUSED") ? "down" : String(error).includes("slow") ? "slow" : "error");
    expect(await gate.guard(async () => 42, judge)).toBe(42);
    await expect(gate.guard(() => Promise.reject(new Error("WRONGTYPE")), judge)).rejects.toThrow("WRONGTYPE");
    await expect(gate.guard(() => Promise.reject(new Error("too slow")), judge)).rejects.toMatchObject({ status: 503 });
    expect(gate.state().up).toBe(true);
    await expect(gate.guard(() => Promise.reject(new Error("connect ECONNREFUSED")), judge)).rejects.toThrow(
      "Redis is unreachable: connect ECONNREFUSED",
    );
    expect(gate.state()).toMatchObject({ up: false, lastError: "connect ECONNREFUSED" });
    let called = false;
    await expect(gate.guard(async () => (called = true), judge)).rejects.toMatchObject({ status: 503 });
    expect(called).toBe(false); // refused at once while down
    gate.markUp();
  });
});

describe("what closes a gate", () => {
  it("a connection refused, cut or timed out does; waiting for a busy pool does not", () => {
    expect(isConnectionFailure(new Error("connect ECONNREFUSED 127.0.0.1:4566"))).toBe(true);
    expect(isConnectionFailure(new Error("Connection terminated due to connection timeout"))).toBe(true);
    const busy = new Error("timeout exceeded when trying to connect");
    expect(isPoolBusy(busy)).toBe(true);
    expect(isConnectionFailure(busy)).toBe(false);
  });
});
