// Synthetic traffic: events on the `user-events` Kafka topic and orders replicated through CDC.
import type { Random } from "./random";

export const EVENT_TYPES = ["view", "click", "add_to_cart", "purchase"] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_WEIGHTS = [0.6, 0.25, 0.1, 0.05];
const ITEMS_PER_USER = 20;
export const CATEGORIES = ["books", "electronics", "garden", "toys", "fashion", "grocery"] as const;
/** Sessions are 30-minute buckets of a user's activity. */
export const SESSION_MS = 30 * 60_000;
/** Order values are uniform in [MIN_ORDER_VALUE, MAX_ORDER_VALUE). */
export const MIN_ORDER_VALUE = 10;
export const MAX_ORDER_VALUE = 500;
/** Orders of this value or more are high-value (risk.high_value_customers). */
export const HIGH_VALUE = 200;
/** CDC orders for a barrier's `events` Kafka events: one in 20, at least one (per second of events: orders a second). */
export const orderCountFor = (events: number) => Math.max(1, Math.round(events / 20));
/** Every 50th customer has a snowflake-style id above 2^53: JSON readers must keep it exact. */
export const BIG_CUSTOMER_BASE = 9_007_199_254_740_993n;

export type UserEvent = { userId: number; eventType: EventType; itemId: number; sessionId: string; ts: Date };
export type Order = { customerId: string; orderValue: string; createdAt: Date };
export type TickTraffic = { events: UserEvent[]; orders: Order[] };

/** item_catalog as the seed fills it (same formulas in SQL), so joins can be done in TypeScript. */
export const itemCategory = (itemId: number) => CATEGORIES[itemId % CATEGORIES.length] as string;
export const itemPrice = (itemId: number) => 5 + ((itemId * 37) % 200);
export const customerIdOf = (user: number) => (user % 50 === 0 ? (BIG_CUSTOMER_BASE + BigInt(user)).toString() : String(user));
export const sessionIdOf = (userId: number, tsMs: number) => `s${userId}-${Math.floor(tsMs / SESSION_MS)}`;

function pickEventType(random: Random): EventType {
  let roll = random.next();
  for (let index = 0; index < EVENT_TYPES.length; index++) {
    roll -= EVENT_WEIGHTS[index] ?? 0;
    if (roll <= 0) return EVENT_TYPES[index] ?? "view";
  }
  return "view";
}

/** Skewed towards low ids, like real traffic: a few users are very active. */
const pickUser = (random: Random, users: number) => 1 + Math.floor(users * random.next() ** 2);
/** Each user's share of the events pickUser draws: P(user u) = √(u/N) − √((u−1)/N). */
export const pickUserShares = (users: number) =>
  Array.from({ length: users }, (_, index) => Math.sqrt((index + 1) / users) - Math.sqrt(index / users));

/** Each user interacts with a small, stable pool of items, so per-user rows stay bounded. */
export const itemFor = (userId: number, slot: number, items: number) => 1 + ((userId * 7919 + slot * 104_729) % items);

/**
 * `eventCount` Kafka events whose times end at `eventTimeEnd` (earlier than now when the Kafka consumer
 * lags) and `orderCount` CDC orders whose times end at `orderTimeEnd` (the CDC source has its own reader).
 */
export function generateTraffic(
  random: Random,
  options: { eventCount: number; orderCount: number; users: number; items: number; eventTimeEnd: number; orderTimeEnd: number },
): TickTraffic {
  const events: UserEvent[] = [];
  for (let index = 0; index < options.eventCount; index++) {
    const userId = pickUser(random, options.users);
    const tsMs = options.eventTimeEnd - random.int(1_000);
    events.push({
      userId,
      eventType: pickEventType(random),
      itemId: itemFor(userId, random.int(ITEMS_PER_USER), options.items),
      sessionId: sessionIdOf(userId, tsMs),
      ts: new Date(tsMs),
    });
  }
  const orders: Order[] = [];
  for (let index = 0; index < options.orderCount; index++) {
    const user = pickUser(random, options.users);
    orders.push({
      customerId: customerIdOf(user),
      orderValue: (MIN_ORDER_VALUE + random.next() * (MAX_ORDER_VALUE - MIN_ORDER_VALUE)).toFixed(2),
      createdAt: new Date(options.orderTimeEnd - random.int(1_000)),
    });
  }
  return { events, orders };
}
