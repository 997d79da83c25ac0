// An emulator instance for integration tests: its own database (from global setup), a Redis
// database of its own, a temporary archive folder; barriers are driven by the test.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { DEFAULT_OPTIONS, Emulator, type EmulatorOptions } from "@/emulator/emulator";
import { withDatabase } from "./urls";

/** Redis database 1..13 for this run (14 is the e2e run's, 0 the demo's), so key names (fixed by the sink format) never collide with the demo's db 0. */
export function testRedisUrl(): string {
  return withDatabase(
    process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0",
    1 + (Number.parseInt(process.env.TEST_RUN_ID?.slice(-4) ?? "0", 16) % 13),
  );
}

export async function startTestEmulator(
  overrides: Partial<EmulatorOptions> = {},
): Promise<{ emulator: Emulator; archiveRoot: string; redisUrl: string }> {
  const archiveRoot = mkdtempSync(path.join(tmpdir(), "tideline-emulator-"));
  const redisUrl = testRedisUrl();
  // Test files share this Redis database: an earlier file's keys would pass for this emulator's sinks.
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  redis.disconnect();
  const emulator = await Emulator.create({
    ...DEFAULT_OPTIONS,
    risingwaveUrl: process.env.RISINGWAVE_URL ?? "",
    redisUrl,
    archiveUrl: `file://${archiveRoot}`,
    users: 500,
    items: 100,
    backfillSeconds: 3,
    log: () => {},
    ...overrides,
  });
  return { emulator, archiveRoot, redisUrl };
}

/** An emulator after its first barrier, with the app's REDIS_URL and ARCHIVE_URL pointed at it (import app modules after this). */
export async function startEmulatorForApp(overrides: Partial<EmulatorOptions> = {}) {
  const started = await startTestEmulator(overrides);
  await started.emulator.tick(Date.now());
  process.env.REDIS_URL = started.redisUrl;
  process.env.ARCHIVE_URL = `file://${started.archiveRoot}`;
  return started;
}
