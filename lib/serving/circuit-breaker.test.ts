import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker";

describe("CircuitBreaker", () => {
  it("opens after consecutive failures, fails fast, then lets one trial through", () => {
    const breaker = new CircuitBreaker(3, 10_000);
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(breaker.tryAcquire(attempt)).toBe(true);
      breaker.recordFailure(attempt);
    }
    expect(breaker.state(3)).toBe("open");
    expect(breaker.tryAcquire(5_000)).toBe(false);
    expect(breaker.retryInMs(5_000)).toBe(5_002);
    // Half-open: exactly one trial, however many requests arrive at once.
    expect(breaker.tryAcquire(10_002)).toBe(true);
    expect(breaker.tryAcquire(10_002)).toBe(false);
    breaker.recordFailure(10_003);
    expect(breaker.state(10_004)).toBe("open");
    expect(breaker.tryAcquire(20_003)).toBe(true);
    breaker.recordSuccess();
    expect(breaker.state(20_004)).toBe("closed");
    expect(breaker.tryAcquire(20_004) && breaker.tryAcquire(20_004)).toBe(true);
  });

  it("forgives failures separated by a success", () => {
    const breaker = new CircuitBreaker(2, 1_000);
    breaker.recordFailure(0);
    breaker.recordSuccess();
    breaker.recordFailure(1);
    expect(breaker.state(2)).toBe("closed");
  });
});
