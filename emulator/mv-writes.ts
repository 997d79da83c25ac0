// Incremental maintenance of the demo MVs: one upsert statement per MV per barrier.
import type { PoolClient } from "pg";
import type { Row } from "./sink-format";
import type { TickTraffic } from "./workload";

export type MvWrite = { rows: Row[]; inserted: number };

function collect(result: { rows: (Row & { inserted?: boolean })[] }): MvWrite {
  let inserted = 0;
  const rows = result.rows.map(({ inserted: isNew, ...row }) => {
    if (isNew) inserted += 1;
    return row;
  });
  return { rows, inserted };
}

export async function writeUserFeatures(db: PoolClient, users: TickTraffic["users"], committedAt: Date): Promise<MvWrite> {
  if (users.size === 0) return { rows: [], inserted: 0 };
  const entries = [...users];
  const result = await db.query(
    `INSERT INTO public.user_features_1h AS t (user_id, event_count_1h, click_count_1h, purchase_count_1h, total_spend_1h, avg_purchase_amount_1h, last_event_ts, _rw_timestamp)
     SELECT u, e, c, p, s, CASE WHEN p > 0 THEN (s / p)::float8 END, ts, $7 FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::numeric[], $6::timestamptz[]) AS d(u, e, c, p, s, ts)
     ON CONFLICT (user_id) DO UPDATE SET
       event_count_1h = t.event_count_1h + EXCLUDED.event_count_1h,
       click_count_1h = t.click_count_1h + EXCLUDED.click_count_1h,
       purchase_count_1h = t.purchase_count_1h + EXCLUDED.purchase_count_1h,
       total_spend_1h = t.total_spend_1h + EXCLUDED.total_spend_1h,
       avg_purchase_amount_1h = CASE WHEN t.purchase_count_1h + EXCLUDED.purchase_count_1h > 0
         THEN ((t.total_spend_1h + EXCLUDED.total_spend_1h) / (t.purchase_count_1h + EXCLUDED.purchase_count_1h))::float8 END,
       last_event_ts = GREATEST(t.last_event_ts, EXCLUDED.last_event_ts),
       _rw_timestamp = EXCLUDED._rw_timestamp
     RETURNING user_id, event_count_1h, click_count_1h, purchase_count_1h, total_spend_1h, avg_purchase_amount_1h, last_event_ts, (xmax = 0) AS inserted`,
    [
      entries.map(([id]) => id),
      entries.map(([, d]) => d.events),
      entries.map(([, d]) => d.clicks),
      entries.map(([, d]) => d.purchases),
      entries.map(([, d]) => d.spend.toFixed(2)),
      entries.map(([, d]) => d.lastTs.toISOString()),
      committedAt.toISOString(),
    ],
  );
  return collect(result);
}

export async function writeAffinity(db: PoolClient, affinity: TickTraffic["affinity"], committedAt: Date): Promise<MvWrite> {
  if (affinity.size === 0) return { rows: [], inserted: 0 };
  const entries = [...affinity.values()];
  const result = await db.query(
    `INSERT INTO public.user_item_affinity AS t (user_id, item_id, category, interaction_count, affinity_score, last_interaction_ts, _rw_timestamp)
     SELECT d.u, d.i, c.category, d.n, d.s, d.ts, $6 FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[], $5::timestamptz[]) AS d(u, i, n, s, ts)
     LEFT JOIN public.item_catalog AS c ON c.item_id = d.i
     ON CONFLICT (user_id, item_id) DO UPDATE SET
       interaction_count = t.interaction_count + EXCLUDED.interaction_count,
       affinity_score = t.affinity_score + EXCLUDED.affinity_score,
       last_interaction_ts = GREATEST(t.last_interaction_ts, EXCLUDED.last_interaction_ts),
       _rw_timestamp = EXCLUDED._rw_timestamp
     RETURNING (xmax = 0) AS inserted`,
    [entries.map((e) => e.userId), entries.map((e) => e.itemId), entries.map((e) => e.count), entries.map((e) => e.score), entries.map((e) => e.lastTs.toISOString()), committedAt.toISOString()],
  );
  return { rows: [], inserted: collect(result).inserted };
}

export async function writeOrderFeatures(db: PoolClient, orders: TickTraffic["orders"], committedAt: Date): Promise<MvWrite> {
  if (orders.size === 0) return { rows: [], inserted: 0 };
  const entries = [...orders];
  const result = await db.query(
    `INSERT INTO public.order_value_features AS t (user_id, order_count_7d, total_order_value_7d, avg_order_value_7d, last_order_ts, _rw_timestamp)
     SELECT u, n, v, (v / n)::float8, ts, $5 FROM unnest($1::bigint[], $2::bigint[], $3::numeric[], $4::timestamptz[]) AS d(u, n, v, ts)
     ON CONFLICT (user_id) DO UPDATE SET
       order_count_7d = t.order_count_7d + EXCLUDED.order_count_7d,
       total_order_value_7d = t.total_order_value_7d + EXCLUDED.total_order_value_7d,
       avg_order_value_7d = ((t.total_order_value_7d + EXCLUDED.total_order_value_7d) / (t.order_count_7d + EXCLUDED.order_count_7d))::float8,
       last_order_ts = GREATEST(t.last_order_ts, EXCLUDED.last_order_ts),
       _rw_timestamp = EXCLUDED._rw_timestamp
     RETURNING user_id, order_count_7d, total_order_value_7d, avg_order_value_7d, last_order_ts, (xmax = 0) AS inserted`,
    [entries.map(([id]) => id), entries.map(([, d]) => d.orders), entries.map(([, d]) => d.value.toFixed(2)), entries.map(([, d]) => d.lastTs.toISOString()), committedAt.toISOString()],
  );
  return collect(result);
}

/** A scale-out group: a few entities change per barrier. */
export async function writeScaleGroup(db: PoolClient, table: string, entityIds: number[], committedAt: Date): Promise<MvWrite> {
  const result = await db.query(
    `UPDATE public."${table.replaceAll('"', '""')}" SET feature_a = feature_a + 1, feature_b = random() * 100, updated_at = $2, _rw_timestamp = $2
     WHERE entity_id = ANY($1::bigint[]) RETURNING entity_id, feature_a, feature_b, updated_at`,
    [entityIds, committedAt.toISOString()],
  );
  return { rows: result.rows as Row[], inserted: 0 };
}
