import "server-only";
import { Client } from "pg";
import { publicBackendError } from "../errors";
import { pgConfigFromUrl } from "../pg-config";

/** The advisory lock key every Tideline replica contends for: one collector per registry. */
export const COLLECTOR_LOCK_KEY = 74_330_201;

/**
 * Exactly one collector among N app replicas: a PostgreSQL advisory lock held on a connection of its
 * own. The lock lives as long as that session, so when its holder dies (or loses the database) it is
 * released, and the next replica to try takes it within one collector cycle.
 */
export class CollectorLease {
  private client: Client | null = null;
  private held = false;
  /** Why the last attempt could not ask (the registry unreachable); null when it could. */
  lastError: string | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly lockKey = COLLECTOR_LOCK_KEY,
  ) {}

  /** Whether this process holds the lease now; tries to take it when it does not. Never throws. */
  async acquire(): Promise<boolean> {
    if (this.held && this.client) return true;
    try {
      if (!this.client) {
        const client = new Client({
          ...pgConfigFromUrl(this.databaseUrl),
          connectionTimeoutMillis: 2_000,
          application_name: "tideline-collector-lease",
        });
        // A dropped session has dropped the lock with it: take it again (or not) next cycle.
        client.on("error", () => void this.release());
        await client.connect();
        this.client = client;
      }
      const { rows } = await this.client.query<{ held: boolean }>("SELECT pg_try_advisory_lock($1) AS held", [this.lockKey]);
      this.held = rows[0]?.held === true;
      this.lastError = null;
    } catch (error) {
      this.lastError = publicBackendError(error);
      await this.release();
    }
    return this.held;
  }

  /** Gives the lease up (ending the session releases the lock). */
  async release(): Promise<void> {
    this.held = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
