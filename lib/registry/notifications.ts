import "server-only";
import { Client } from "pg";
import { pgConfigFromUrl } from "../pg-config";

/** The registry tables whose writes are announced (prisma/migrations/…_registry_notify). */
export type RegistryTable = "FeatureGroup" | "Feature" | "Entity" | "ApiToken" | "User";

type Options = {
  databaseUrl: string;
  /** Called with each changed table; and with every table after a (re)connect, since changes may have been missed. */
  onChange: (tables: Set<RegistryTable>) => void;
  /** A full reload this often even without a notification (a lost notification costs at most this long). */
  resyncEveryMs?: number;
  log?: (message: string) => void;
};

const ALL: RegistryTable[] = ["FeatureGroup", "Feature", "Entity", "ApiToken", "User"];

/**
 * LISTEN tideline_registry on a connection of its own, reconnecting with a back-off when it drops;
 * notifications of one moment are delivered together. `stop` closes it.
 */
export function listenToRegistry({ databaseUrl, onChange, resyncEveryMs = 60_000, log = () => {} }: Options): {
  stop: () => Promise<void>;
} {
  let client: Client | null = null;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pending = new Set<RegistryTable>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    flushTimer = undefined;
    const tables = pending;
    pending = new Set();
    if (tables.size > 0) onChange(tables);
  };
  const announce = (tables: RegistryTable[]) => {
    tables.forEach((table) => pending.add(table));
    flushTimer ??= setTimeout(flush, 5);
  };

  const connect = async (attempt: number) => {
    if (stopped) return;
    const next = new Client({ ...pgConfigFromUrl(databaseUrl), connectionTimeoutMillis: 2_000, application_name: "tideline-listen" });
    next.on("notification", (message) => announce([message.payload as RegistryTable]));
    next.on("error", (error) => {
      log(`registry notifications lost (${error.message}); reconnecting`);
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      retry(1);
    });
    try {
      await next.connect();
      await next.query("LISTEN tideline_registry");
      client = next;
      announce(ALL); // whatever changed while this process was not listening
    } catch (error) {
      void next.end().catch(() => undefined);
      log(`registry notifications unavailable (${(error as Error).message}); retrying`);
      retry(attempt + 1);
    }
  };
  const retry = (attempt: number) => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(
      () => {
        retryTimer = undefined;
        void connect(attempt);
      },
      Math.min(attempt * 500, 5_000),
    );
    retryTimer.unref?.();
  };

  const resync = setInterval(() => announce(ALL), resyncEveryMs);
  resync.unref?.();
  void connect(0);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(resync);
      clearTimeout(retryTimer);
      clearTimeout(flushTimer);
      await client?.end().catch(() => undefined);
    },
  };
}
