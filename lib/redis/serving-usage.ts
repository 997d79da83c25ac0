import "server-only";
import { runBatch } from "./batch";
import { withRedis } from "./client";

/** Online serving in the last hour, per group: how much, how much of it stale, how much from RisingWave. */
export type ServingUsage = { requests: number; stale: number; fallback: number };

// Counters per minute, shared by every serving process (the gateway, each app replica); Tideline's own keys.
const PREFIX = "tideline:serving:usage:";
const WINDOW_MINUTES = 60;
const FLUSH_EVERY_MS = 10_000;
const minuteOf = (at: number) => Math.floor(at / 60_000);

const state = globalThis as unknown as { servingUsage?: Map<string, ServingUsage>; servingUsageTimer?: ReturnType<typeof setInterval> };

/** Counts one answer in memory; written to Redis every 10 s (never a Redis write per request). */
export function recordServingUsage(group: string, answer: { source: "redis" | "risingwave"; stale: boolean }): void {
  state.servingUsage ??= new Map();
  const usage = state.servingUsage.get(group) ?? { requests: 0, stale: 0, fallback: 0 };
  usage.requests += 1;
  if (answer.stale) usage.stale += 1;
  if (answer.source === "risingwave") usage.fallback += 1;
  state.servingUsage.set(group, usage);
  if (!state.servingUsageTimer) {
    state.servingUsageTimer = setInterval(() => void flushServingUsage().catch(() => undefined), FLUSH_EVERY_MS);
    state.servingUsageTimer.unref?.();
  }
}

/** Adds what was counted since the last flush to this minute's hash (kept a little over an hour). */
export async function flushServingUsage(now = Date.now()): Promise<void> {
  const pending = state.servingUsage;
  if (!pending || pending.size === 0) return;
  state.servingUsage = new Map();
  const key = `${PREFIX}${minuteOf(now)}`;
  await withRedis((redis) =>
    runBatch(redis, (batch) => {
      for (const [group, usage] of pending)
        for (const [field, count] of Object.entries(usage)) if (count > 0) batch.hincrby(key, `${group}|${field}`, count);
      batch.expire(key, (WINDOW_MINUTES + 5) * 60);
    }),
  );
}

/** Every group's serving over the last hour, summed over the minutes (one round trip). */
export async function readServingUsage(now = Date.now()): Promise<Map<string, ServingUsage>> {
  const minutes = Array.from({ length: WINDOW_MINUTES }, (_, index) => minuteOf(now) - index);
  const replies = await withRedis((redis) => runBatch(redis, (batch) => minutes.forEach((minute) => batch.hgetall(`${PREFIX}${minute}`))));
  const usage = new Map<string, ServingUsage>();
  for (const [, fields] of replies) {
    for (const [name, count] of Object.entries((fields ?? {}) as Record<string, string>)) {
      const [group, field] = name.split("|") as [string, keyof ServingUsage];
      const entry = usage.get(group) ?? { requests: 0, stale: 0, fallback: 0 };
      if (field in entry) entry[field] += Number(count);
      usage.set(group, entry);
    }
  }
  return usage;
}
