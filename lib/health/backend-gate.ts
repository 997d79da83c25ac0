import { publicBackendError, unreachable, type Backend } from "../errors";
import { formatDateTime } from "../format";

/**
 * pg-pool's words for a request that waited its connect timeout for a pooled connection while all were
 * busy: the backend is answering, this process is saturated. Not an outage.
 */
export const isPoolBusy = (error: Error) => /timeout exceeded when trying to connect/i.test(error.message);

/** A PostgreSQL connection that cannot be opened or was cut (refused, timed out, reset) means the backend is down. */
export const isConnectionFailure = (error: Error) =>
  !isPoolBusy(error) && /timeout|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|terminated|connect/i.test(error.message);

export type GateState = { up: boolean; downSince: string | null; lastError: string | null };
type Options = { probeEveryMs: number; probeTimeoutMs: number; now?: () => number };
/**
 * What a failed call means for its backend: "down" (unreachable: close the gate, 503), "slow" (it
 * answers but not in time: 503 without closing the gate), or "error" (the backend's own answer: rethrown).
 */
export type FailureKind = "down" | "slow" | "error";

/**
 * One backend's known state, shared by every request in the process. Once a call finds the backend
 * unreachable, later calls fail at once (a 503 naming it) instead of each waiting out a connect
 * timeout; a background probe closes the gate again as soon as the backend answers.
 */
export class BackendGate {
  private downSince: number | null = null;
  private lastError: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private probing = false;
  private readonly now: () => number;

  constructor(
    readonly backend: Backend,
    private readonly probe: () => Promise<unknown>,
    private readonly options: Options,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Throws a 503 at once while the backend is known to be down. */
  check(): void {
    if (this.downSince === null) return;
    throw unreachable(this.backend, ` (since ${formatDateTime(this.downSince)}): ${this.lastError ?? "no answer"}`);
  }

  /**
   * One call to the backend: refused at once (503) while it is known down; a failure `judge` calls
   * "down" closes the gate, and it and "slow" become a 503 naming the backend; others are rethrown.
   */
  async guard<T>(call: () => Promise<T>, judge: (error: unknown) => FailureKind): Promise<T> {
    this.check();
    try {
      return await call();
    } catch (error) {
      const kind = judge(error);
      if (kind === "error") throw error;
      if (kind === "down") this.markDown(publicBackendError(error));
      throw unreachable(this.backend, `: ${publicBackendError(error)}`);
    }
  }

  /** A call found the backend unreachable: fail fast from now on, and probe until it answers. */
  markDown(error: string): void {
    this.lastError = error;
    if (this.downSince !== null) return;
    this.downSince = this.now();
    this.timer = setInterval(() => void this.probeOnce(), this.options.probeEveryMs);
    this.timer.unref?.();
  }

  /** One background probe with a deadline; on an answer the gate opens again. */
  async probeOnce(): Promise<void> {
    if (this.probing || this.downSince === null) return;
    this.probing = true;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        this.probe(),
        new Promise((_, reject) => {
          deadline = setTimeout(() => reject(new Error("no answer")), this.options.probeTimeoutMs);
        }),
      ]);
      this.markUp();
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(deadline);
      this.probing = false;
    }
  }

  markUp(): void {
    this.downSince = null;
    this.lastError = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  state(): GateState {
    return {
      up: this.downSince === null,
      downSince: this.downSince === null ? null : new Date(this.downSince).toISOString(),
      lastError: this.lastError,
    };
  }
}
