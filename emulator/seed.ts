// The pipeline's state when the emulator starts, as if it had been running: every MV's rows.
// Formulas match workload.ts (item categories and prices, big customer ids, session ids).
import type { PoolClient } from "pg";
import type { orderHistory } from "./order-history";
import { CATEGORIES, SESSION_MS } from "./workload";

const categories = `ARRAY[${CATEGORIES.map((category) => `'${category}'`).join(", ")}]`;

/**
 * Seeds the MVs in one transaction (user_features_1h comes from its sliding hour, user-window.ts). A
 * few sessions sit at the edge of their window (idle for 29:59), so the first barriers delete them
 * and the UPSERT sinks send DEL.
 */
export async function seedMaterializedViews(
  db: PoolClient,
  startedAt: Date,
  users: number,
  items: number,
  history: ReturnType<typeof orderHistory>,
): Promise<void> {
  const committed = startedAt.toISOString();
  await db.query(
    `INSERT INTO public.item_catalog (item_id, category, price, updated_at, _rw_timestamp)
     SELECT i, (${categories})[1 + i % 6], round((5 + (i * 37 % 200))::numeric, 2), $1, $1 FROM generate_series(1, $2::int) AS i`,
    [committed, items],
  );
  await db.query(
    `INSERT INTO public.user_item_affinity (user_id, category, category_views_24h, category_spend_24h, _rw_timestamp)
     SELECT u, (${categories})[1 + (u + k * 2) % 6], 1 + (u + k) % 7, round(((1 + (u + k) % 7) * (5 + u % 90))::numeric, 2), $1
     FROM generate_series(1, $2::int) AS u, generate_series(0, 1) AS k`,
    [committed, users],
  );
  await db.query(
    `INSERT INTO public.order_value_features (customer_id, total_orders, lifetime_value, avg_order_value, last_order_ts, _rw_timestamp)
     SELECT c, n, v, round(v / n, 6), to_timestamp(ms / 1000.0), $1 FROM unnest($2::bigint[], $3::bigint[], $4::numeric[], $5::float8[]) AS d(c, n, v, ms)`,
    [
      committed,
      history.orders.map((row) => row.customerId),
      history.orders.map((row) => row.totalOrders),
      history.orders.map((row) => row.lifetimeValue),
      history.orders.map((row) => row.lastOrderMs),
    ],
  );
  await db.query(
    `INSERT INTO risk.high_value_customers (customer_id, high_value_orders, max_order_value, is_vip, last_high_value_ts, _rw_timestamp)
     SELECT c, n, m, n >= 3, to_timestamp(ms / 1000.0), $1 FROM unnest($2::bigint[], $3::bigint[], $4::numeric[], $5::float8[]) AS d(c, n, m, ms)`,
    [
      committed,
      history.highValue.map((row) => row.customerId),
      history.highValue.map((row) => row.highValueOrders),
      history.highValue.map((row) => row.maxOrderValue),
      history.highValue.map((row) => row.lastHighValueMs),
    ],
  );
  await db.query(
    `INSERT INTO public.category_daily_stats (category, event_date, view_count, purchase_count, revenue, last_event_ts, _rw_timestamp)
     SELECT c, ($1::timestamptz AT TIME ZONE 'UTC')::date - d, 500 + length(c) * 40 - d * 30, 20 + length(c) - d, round(((20 + length(c) - d) * 47.5)::numeric, 2),
            CASE WHEN d = 0 THEN $1::timestamptz ELSE date_trunc('day', $1::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(days => d - 1, secs => 1) END, $1
     FROM unnest(${categories}) AS c, generate_series(0, 2) AS d`,
    [committed],
  );
  await db.query(
    `INSERT INTO public.session_activity (session_id, user_id, event_count, event_mix, session_start, last_event_at, _rw_timestamp)
     SELECT 's' || u || '-' || $3::bigint, u, 3 + u % 9,
            jsonb_build_object('view', 3 + u % 9 - u % 3 - u % 2, 'click', u % 3, 'add_to_cart', 0, 'purchase', u % 2),
            ($1::timestamptz - make_interval(secs => 600 + u % 600)) AT TIME ZONE 'UTC',
            ($1::timestamptz - CASE WHEN u % 89 = 0 THEN interval '1799.5 seconds' ELSE make_interval(secs => u % 600) END) AT TIME ZONE 'UTC', $1
     FROM generate_series(1, least($2::int, 400)) AS u`,
    [committed, users, Math.floor(startedAt.getTime() / SESSION_MS)],
  );
}
