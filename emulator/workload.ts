// Synthetic traffic: user events on the Kafka topic and orders through CDC, aggregated per key.
import type { Random } from "./random";

export const EVENT_TYPES = ["view", "click", "add_to_cart", "purchase"] as const;
const EVENT_WEIGHTS = [0.6, 0.25, 0.1, 0.05];
const AFFINITY_WEIGHT: Record<(typeof EVENT_TYPES)[number], number> = { view: 0.2, click: 1, add_to_cart: 3, purchase: 5 };
const ITEMS_PER_USER = 20;

export type UserDelta = { events: number; clicks: number; purchases: number; spend: number; lastTs: Date };
export type AffinityDelta = { userId: number; itemId: number; count: number; score: number; lastTs: Date };
export type OrderDelta = { orders: number; value: number; lastTs: Date };

export type TickTraffic = {
  eventCount: number;
  users: Map<number, UserDelta>;
  affinity: Map<string, AffinityDelta>;
  orders: Map<number, OrderDelta>;
};

function pickEventType(random: Random) {
  let roll = random.next();
  for (let index = 0; index < EVENT_TYPES.length; index++) {
    roll -= EVENT_WEIGHTS[index] ?? 0;
    if (roll <= 0) return EVENT_TYPES[index] ?? "view";
  }
  return "view";
}

/** Skewed towards low ids, like real traffic: a few users are very active. */
const pickUser = (random: Random, users: number) => 1 + Math.floor(users * random.next() ** 2);

/** Each user interacts with a small, stable pool of items, so affinity rows stay bounded. */
export const itemFor = (userId: number, slot: number, items: number) => 1 + ((userId * 7919 + slot * 104_729) % items);

/**
 * Generates `eventCount` events and `orderCount` orders whose event times end at `eventTimeEnd`
 * (earlier than now when the consumer lags) and aggregates them per key.
 */
export function generateTraffic(random: Random, options: { eventCount: number; orderCount: number; users: number; items: number; eventTimeEnd: number }): TickTraffic {
  const users = new Map<number, UserDelta>();
  const affinity = new Map<string, AffinityDelta>();
  const orders = new Map<number, OrderDelta>();
  for (let index = 0; index < options.eventCount; index++) {
    const userId = pickUser(random, options.users);
    const type = pickEventType(random);
    const ts = new Date(options.eventTimeEnd - random.int(1_000));
    const amount = type === "purchase" ? Math.round((5 + random.next() * 195) * 100) / 100 : 0;
    const user = users.get(userId) ?? { events: 0, clicks: 0, purchases: 0, spend: 0, lastTs: ts };
    user.events += 1;
    if (type === "click") user.clicks += 1;
    if (type === "purchase") {
      user.purchases += 1;
      user.spend = Math.round((user.spend + amount) * 100) / 100;
    }
    if (ts > user.lastTs) user.lastTs = ts;
    users.set(userId, user);
    if (type !== "view") {
      const itemId = itemFor(userId, random.int(ITEMS_PER_USER), options.items);
      const key = `${userId}:${itemId}`;
      const entry = affinity.get(key) ?? { userId, itemId, count: 0, score: 0, lastTs: ts };
      entry.count += 1;
      entry.score += AFFINITY_WEIGHT[type];
      if (ts > entry.lastTs) entry.lastTs = ts;
      affinity.set(key, entry);
    }
  }
  for (let index = 0; index < options.orderCount; index++) {
    const userId = pickUser(random, options.users);
    const ts = new Date(options.eventTimeEnd - random.int(1_000));
    const order = orders.get(userId) ?? { orders: 0, value: 0, lastTs: ts };
    order.orders += 1;
    order.value = Math.round((order.value + 10 + random.next() * 490) * 100) / 100;
    if (ts > order.lastTs) order.lastTs = ts;
    orders.set(userId, order);
  }
  return { eventCount: options.eventCount, users, affinity, orders };
}
