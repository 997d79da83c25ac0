export type BreakerState = "closed" | "open" | "half-open";

/**
 * Guards RisingWave from the serving path: after `failureThreshold` consecutive failures it opens
 * for `openMs` (misses fail fast, hits keep being served from Redis), then lets a single trial
 * request through; its success closes the breaker, its failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(
    private readonly failureThreshold = 5,
    private readonly openMs = 10_000,
  ) {}

  state(now: number): BreakerState {
    if (this.openedAt === null) return "closed";
    return now - this.openedAt >= this.openMs ? "half-open" : "open";
  }

  /** Whether a request may go to RisingWave now; in half-open, only one at a time. */
  tryAcquire(now: number): boolean {
    const state = this.state(now);
    if (state === "closed") return true;
    if (state === "open" || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  recordFailure(now: number): void {
    this.failures++;
    if (this.trialInFlight || this.failures >= this.failureThreshold) this.openedAt = now;
    this.trialInFlight = false;
  }

  /** Milliseconds until a trial request is allowed (for Retry-After). */
  retryInMs(now: number): number {
    return this.openedAt === null ? 0 : Math.max(0, this.openedAt + this.openMs - now);
  }
}
