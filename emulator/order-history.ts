// The orders each customer placed before the emulator started, drawn from the live order process
// itself (orders a second, spread over customers with the workload's user skew, values uniform in
// [10, 500)), so order_value_features and high_value_customers start where the stream keeps them:
// totals grow by a sliver of themselves an hour, and the age of the last order is the same
// exponential before and after start. A seed of its own shape drifts away within minutes.
import { poisson, standardNormal, type Random } from "./random";
import { HIGH_VALUE, MAX_ORDER_VALUE, MIN_ORDER_VALUE, customerIdOf, pickUserShares } from "./workload";

const HIGH_SHARE = (MAX_ORDER_VALUE - HIGH_VALUE) / (MAX_ORDER_VALUE - MIN_ORDER_VALUE);
/** How long the customers have been ordering before start. */
export const ORDER_HISTORY_MS = 30 * 86_400_000;

export type OrderFeatureRow = { customerId: string; totalOrders: number; lifetimeValue: string; lastOrderMs: number };
export type HighValueRow = { customerId: string; highValueOrders: number; maxOrderValue: string; lastHighValueMs: number };

/** How many of `count` orders are high-value: exact below 100 orders, normal above. */
function highValueCount(random: Random, count: number): number {
  if (count < 100) return Array.from({ length: count }, () => random.next() < HIGH_SHARE).filter(Boolean).length;
  const spread = Math.sqrt(count * HIGH_SHARE * (1 - HIGH_SHARE));
  return Math.min(count, Math.max(0, Math.round(count * HIGH_SHARE + spread * standardNormal(random))));
}

/** The sum of `count` uniform order values in [low, high): exact below 30 draws, normal above. */
function sumOfValues(random: Random, count: number, low: number, high: number): number {
  const range = high - low;
  if (count < 30) return Array.from({ length: count }, () => low + random.next() * range).reduce((sum, value) => sum + value, 0);
  const mean = count * (low + range / 2);
  return Math.max(count * low, mean + Math.sqrt(count / 12) * range * standardNormal(random));
}

/** Age of the last of a Poisson process's events at `rate` a millisecond, never older than the history. */
const lastEventAgeMs = (random: Random, ratePerMs: number) => Math.min(-Math.log(1 - random.next()) / ratePerMs, ORDER_HISTORY_MS);

/** Every customer's lifetime orders and high-value orders as of `nowMs`, at `ordersPerSecond` over `users` customers. */
export function orderHistory(
  random: Random,
  options: { ordersPerSecond: number; users: number; nowMs: number },
): { orders: OrderFeatureRow[]; highValue: HighValueRow[] } {
  const shares = pickUserShares(options.users);
  const orders: OrderFeatureRow[] = [];
  const highValue: HighValueRow[] = [];
  for (let user = 1; user <= options.users; user++) {
    const ratePerMs = (options.ordersPerSecond * (shares[user - 1] ?? 0)) / 1000;
    const total = poisson(random, ratePerMs * ORDER_HISTORY_MS);
    if (total === 0) continue;
    const high = highValueCount(random, total);
    const customerId = customerIdOf(user);
    const highSum = sumOfValues(random, high, HIGH_VALUE, MAX_ORDER_VALUE);
    const lowSum = sumOfValues(random, total - high, MIN_ORDER_VALUE, HIGH_VALUE);
    orders.push({
      customerId,
      totalOrders: total,
      lifetimeValue: (highSum + lowSum).toFixed(2),
      lastOrderMs: options.nowMs - lastEventAgeMs(random, ratePerMs),
    });
    if (high === 0) continue;
    // The largest of `high` uniform values in [200, 500): 500 − 300·(1 − U^(1/high)).
    const top = MAX_ORDER_VALUE - (MAX_ORDER_VALUE - HIGH_VALUE) * (1 - random.next() ** (1 / high));
    highValue.push({
      customerId,
      highValueOrders: high,
      maxOrderValue: Math.min(top, MAX_ORDER_VALUE - 0.01).toFixed(2),
      lastHighValueMs: options.nowMs - lastEventAgeMs(random, ratePerMs * HIGH_SHARE),
    });
  }
  return { orders, highValue };
}
