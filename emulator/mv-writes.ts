// Incremental maintenance of the pipeline's MVs: one upsert per MV per barrier, plus the deletes of
// rows that leave a window (the MV's `ts > NOW() - INTERVAL …` filter).
import type { PoolClient } from "pg";
import type { Row } from "./sink-format";
import type { Shifts, UserFeatureRow, UserWindow } from "./user-window";
import { HIGH_VALUE, itemCategory, itemPrice, SESSION_MS, type TickTraffic } from "./workload";

/** What one barrier changed in an MV: rows upserted (full rows), rows deleted, and how many are new. */
export type MvWrite = { rows: Row[]; deleted: Row[]; inserted: number };

const EMPTY: MvWrite = { rows: [], deleted: [], inserted: 0 };

function collect(upserted: { rows: (Row & { inserted?: boolean })[] }, deleted: Row[] = []): MvWrite {
  let inserted = 0;
  const rows = upserted.rows.map(({ inserted: isNew, ...row }) => {
    if (isNew) inserted += 1;
    return row;
  });
  return { rows, deleted, inserted };
}

const iso = (date: Date) => date.toISOString();
/** A timestamptz as the UTC wall-clock text of a `timestamp` column. */
const utcWallClock = (date: Date) => iso(date).replace("T", " ").replace("Z", "");

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
const latest = (dates: Date[]) => new Date(Math.max(...dates.map((date) => date.getTime())));

/**
 * user_features_1h: `users`' rows as the sliding hour holds them now (shifted where a `shift` fault
 * says); a user with no events left in the hour is deleted (the sink DELs the key).
 */
export async function writeUserFeatureRows(
  db: PoolClient,
  window: UserWindow,
  users: Iterable<number>,
  shifts: Shifts,
  now: Date,
): Promise<MvWrite> {
  const rows: UserFeatureRow[] = [];
  const gone: number[] = [];
  for (const user of users) {
    const row = window.row(user, shifts);
    if (row) rows.push(row);
    else gone.push(user);
  }
  const deleted = gone.length
    ? await db.query("DELETE FROM public.user_features_1h WHERE user_id = ANY($1::bigint[]) RETURNING *", [gone])
    : { rows: [] };
  if (rows.length === 0) return { ...EMPTY, deleted: deleted.rows as Row[] };
  const result = await db.query(
    `INSERT INTO public.user_features_1h AS t (user_id, event_count_1h, session_count_1h, purchase_count_1h, view_count_1h, last_event_ts, _rw_timestamp)
     SELECT *, $7::timestamptz FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::timestamptz[])
     ON CONFLICT (user_id) DO UPDATE SET
       event_count_1h = EXCLUDED.event_count_1h,
       session_count_1h = EXCLUDED.session_count_1h,
       purchase_count_1h = EXCLUDED.purchase_count_1h,
       view_count_1h = EXCLUDED.view_count_1h,
       last_event_ts = EXCLUDED.last_event_ts,
       _rw_timestamp = EXCLUDED._rw_timestamp
     RETURNING user_id, event_count_1h, session_count_1h, purchase_count_1h, view_count_1h, last_event_ts, (xmax = 0) AS inserted`,
    [
      rows.map((row) => row.user_id),
      rows.map((row) => row.event_count_1h),
      rows.map((row) => row.session_count_1h),
      rows.map((row) => row.purchase_count_1h),
      rows.map((row) => row.view_count_1h),
      rows.map((row) => iso(row.last_event_ts)),
      iso(now),
    ],
  );
  return collect(result, deleted.rows as Row[]);
}

/** One barrier of user_features_1h: the new events enter the hour, the oldest minute leaves it. */
export async function writeUserFeatures(
  db: PoolClient,
  traffic: TickTraffic,
  now: Date,
  window: UserWindow,
  shifts: Shifts,
): Promise<MvWrite> {
  const touched = window.add(traffic.events);
  for (const user of window.expire(now.getTime())) touched.add(user);
  return writeUserFeatureRows(db, window, touched, shifts, now);
}

/** user_item_affinity: views and purchases joined with the item's category and price. */
export async function writeAffinity(db: PoolClient, traffic: TickTraffic, now: Date): Promise<MvWrite> {
  const relevant = traffic.events.filter((event) => event.eventType === "view" || event.eventType === "purchase");
  if (relevant.length === 0) return EMPTY;
  const keys = [...groupBy(relevant, (event) => `${event.userId}\u0000${itemCategory(event.itemId)}`).values()];
  const result = await db.query(
    `INSERT INTO public.user_item_affinity AS t (user_id, category, category_views_24h, category_spend_24h, _rw_timestamp)
     SELECT *, $5::timestamptz FROM unnest($1::bigint[], $2::varchar[], $3::bigint[], $4::numeric[])
     ON CONFLICT (user_id, category) DO UPDATE SET
       category_views_24h = t.category_views_24h + EXCLUDED.category_views_24h,
       category_spend_24h = t.category_spend_24h + EXCLUDED.category_spend_24h,
       _rw_timestamp = EXCLUDED._rw_timestamp
     RETURNING user_id, category, category_views_24h, category_spend_24h, (xmax = 0) AS inserted`,
    [
      keys.map((events) => events[0]?.userId),
      keys.map((events) => itemCategory(events[0]?.itemId ?? 0)),
      keys.map((events) => events.length),
      keys.map((events) => events.reduce((sum, event) => sum + itemPrice(event.itemId), 0).toFixed(2)),
      iso(now),
    ],
  );
  return collect(result);
}

/** order_value_features: lifetime order statistics per customer. */
export async function writeOrderFeatures(db: PoolClient, traffic: TickTraffic, now: Date): Promise<MvWrite> {
  if (traffic.orders.length === 0) return EMPTY;
  const customers = [...groupBy(traffic.orders, (order) => order.customerId)];
  const result = await db.query(
    `INSERT INTO public.order_value_features AS t (customer_id, total_orders, lifetime_value, avg_order_value, last_order_ts, _rw_timestamp)
     SELECT c, n, v, round(v / n, 6), ts, $5::timestamptz FROM unnest($1::bigint[], $2::bigint[], $3::numeric[], $4::timestamptz[]) AS d(c, n, v, ts)
     ON CONFLICT (customer_id) DO UPDATE SET
       total_orders = t.total_orders + EXCLUDED.total_orders,
       lifetime_value = t.lifetime_value + EXCLUDED.lifetime_value,
       avg_order_value = round((t.lifetime_value + EXCLUDED.lifetime_value) / (t.total_orders + EXCLUDED.total_orders), 6),
       last_order_ts = GREATEST(t.last_order_ts, EXCLUDED.last_order_ts),
       _rw_timestamp = EXCLUDED._rw_timestamp
     RETURNING customer_id, total_orders, lifetime_value, avg_order_value, last_order_ts, (xmax = 0) AS inserted`,
    [
      customers.map(([id]) => id),
      customers.map(([, orders]) => orders.length),
      customers.map(([, orders]) => orders.reduce((sum, order) => sum + Number(order.orderValue), 0).toFixed(2)),
      customers.map(([, orders]) => iso(latest(orders.map((order) => order.createdAt)))),
      iso(now),
    ],
  );
  return collect(result);
}

/** risk.high_value_customers: orders of 200 or more; three of them make a VIP. */
export async function writeHighValueCustomers(db: PoolClient, traffic: TickTraffic, now: Date): Promise<MvWrite> {
  const big = traffic.orders.filter((order) => Number(order.orderValue) >= HIGH_VALUE);
  if (big.length === 0) return EMPTY;
  const customers = [...groupBy(big, (order) => order.customerId)];
  const result = await db.query(
    `INSERT INTO risk.high_value_customers AS t (customer_id, high_value_orders, max_order_value, is_vip, last_high_value_ts, _rw_timestamp)
     SELECT c, n, m, n >= 3, ts, $5::timestamptz FROM unnest($1::bigint[], $2::bigint[], $3::numeric[], $4::timestamptz[]) AS d(c, n, m, ts)
     ON CONFLICT (customer_id) DO UPDATE SET
       high_value_orders = t.high_value_orders + EXCLUDED.high_value_orders,
       max_order_value = GREATEST(t.max_order_value, EXCLUDED.max_order_value),
       is_vip = t.high_value_orders + EXCLUDED.high_value_orders >= 3,
       last_high_value_ts = GREATEST(t.last_high_value_ts, EXCLUDED.last_high_value_ts),
       _rw_timestamp = EXCLUDED._rw_timestamp
     RETURNING customer_id, high_value_orders, max_order_value, is_vip, last_high_value_ts, (xmax = 0) AS inserted`,
    [
      customers.map(([id]) => id),
      customers.map(([, orders]) => orders.length),
      customers.map(([, orders]) => Math.max(...orders.map((order) => Number(order.orderValue))).toFixed(2)),
      customers.map(([, orders]) => iso(latest(orders.map((order) => order.createdAt)))),
      iso(now),
    ],
  );
  return collect(result);
}

/** category_daily_stats: per category and UTC day of the event. */
export async function writeCategoryDaily(db: PoolClient, traffic: TickTraffic, now: Date): Promise<MvWrite> {
  if (traffic.events.length === 0) return EMPTY;
  const keys = [...groupBy(traffic.events, (event) => `${itemCategory(event.itemId)}\u0000${iso(event.ts).slice(0, 10)}`).values()];
  const purchases = (events: TickTraffic["events"]) => events.filter((event) => event.eventType === "purchase");
  const result = await db.query(
    `INSERT INTO public.category_daily_stats AS t (category, event_date, view_count, purchase_count, revenue, last_event_ts, _rw_timestamp)
     SELECT *, $7::timestamptz FROM unnest($1::varchar[], $2::date[], $3::bigint[], $4::bigint[], $5::numeric[], $6::timestamptz[])
     ON CONFLICT (category, event_date) DO UPDATE SET
       view_count = t.view_count + EXCLUDED.view_count,
       purchase_count = t.purchase_count + EXCLUDED.purchase_count,
       revenue = t.revenue + EXCLUDED.revenue,
       last_event_ts = GREATEST(t.last_event_ts, EXCLUDED.last_event_ts),
       _rw_timestamp = EXCLUDED._rw_timestamp
     RETURNING category, event_date, view_count, purchase_count, revenue, last_event_ts, (xmax = 0) AS inserted`,
    [
      keys.map((events) => itemCategory(events[0]?.itemId ?? 0)),
      keys.map((events) => iso(events[0]?.ts ?? now).slice(0, 10)),
      keys.map((events) => events.filter((event) => event.eventType === "view").length),
      keys.map((events) => purchases(events).length),
      keys.map((events) =>
        purchases(events)
          .reduce((sum, event) => sum + itemPrice(event.itemId), 0)
          .toFixed(2),
      ),
      keys.map((events) => iso(latest(events.map((event) => event.ts)))),
      iso(now),
    ],
  );
  return collect(result);
}

/** session_activity: `timestamp` (UTC wall clock) columns; sessions idle for 30 minutes are deleted. */
export async function writeSessions(db: PoolClient, traffic: TickTraffic, now: Date): Promise<MvWrite> {
  const deleted = await db.query("DELETE FROM public.session_activity WHERE last_event_at <= $1::timestamp RETURNING *", [
    utcWallClock(new Date(now.getTime() - SESSION_MS)),
  ]);
  if (traffic.events.length === 0) return { ...EMPTY, deleted: deleted.rows as Row[] };
  const sessions = [...groupBy(traffic.events, (event) => event.sessionId)];
  const count = (events: TickTraffic["events"], type: string) => events.filter((event) => event.eventType === type).length;
  const result = await db.query(
    `INSERT INTO public.session_activity AS t (session_id, user_id, event_count, event_mix, session_start, last_event_at, _rw_timestamp)
     SELECT s, u, n, jsonb_build_object('view', v, 'click', c, 'add_to_cart', a, 'purchase', p), t0, t1, $10::timestamptz
     FROM unnest($1::varchar[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::timestamp[], $9::timestamp[]) AS d(s, u, n, v, c, a, p, t0, t1)
     ON CONFLICT (session_id) DO UPDATE SET
       event_count = t.event_count + EXCLUDED.event_count,
       event_mix = (SELECT jsonb_object_agg(k, (t.event_mix ->> k)::bigint + (EXCLUDED.event_mix ->> k)::bigint) FROM jsonb_object_keys(t.event_mix) AS k),
       session_start = LEAST(t.session_start, EXCLUDED.session_start),
       last_event_at = GREATEST(t.last_event_at, EXCLUDED.last_event_at),
       _rw_timestamp = EXCLUDED._rw_timestamp
     RETURNING session_id, user_id, event_count, event_mix, session_start, last_event_at, (xmax = 0) AS inserted`,
    [
      sessions.map(([id]) => id),
      sessions.map(([, events]) => events[0]?.userId),
      sessions.map(([, events]) => events.length),
      sessions.map(([, events]) => count(events, "view")),
      sessions.map(([, events]) => count(events, "click")),
      sessions.map(([, events]) => count(events, "add_to_cart")),
      sessions.map(([, events]) => count(events, "purchase")),
      sessions.map(([, events]) => utcWallClock(new Date(Math.min(...events.map((event) => event.ts.getTime()))))),
      sessions.map(([, events]) => utcWallClock(latest(events.map((event) => event.ts)))),
      iso(now),
    ],
  );
  return collect(result, deleted.rows as Row[]);
}

/** A scale-out group: a few entities change per barrier. */
export async function writeScaleGroup(db: PoolClient, table: string, entityIds: number[], committedAt: Date): Promise<MvWrite> {
  const result = await db.query(
    `UPDATE public."${table.replaceAll('"', '""')}" SET feature_a = feature_a + 1, feature_b = random() * 100, updated_at = $2, _rw_timestamp = $2
     WHERE entity_id = ANY($1::bigint[]) RETURNING entity_id, feature_a, feature_b, feature_c, feature_d, feature_e, updated_at`,
    [entityIds, committedAt.toISOString()],
  );
  return { rows: result.rows as Row[], deleted: [], inserted: 0 };
}
