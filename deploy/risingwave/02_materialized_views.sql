-- The article's feature groups: one materialized view each, as printed (orders_cdc → orders).

CREATE MATERIALIZED VIEW IF NOT EXISTS user_features_1h AS
SELECT
    user_id,
    COUNT(*)                                          AS event_count_1h,
    COUNT(DISTINCT session_id)                        AS session_count_1h,
    COUNT(*) FILTER (WHERE event_type = 'purchase')  AS purchase_count_1h,
    COUNT(*) FILTER (WHERE event_type = 'view')      AS view_count_1h,
    MAX(ts)                                           AS last_event_ts
FROM user_events
WHERE ts > NOW() - INTERVAL '1 hour'
GROUP BY user_id;

CREATE MATERIALIZED VIEW IF NOT EXISTS user_item_affinity AS
SELECT
    e.user_id,
    i.category,
    COUNT(*)              AS category_views_24h,
    SUM(i.price)          AS category_spend_24h
FROM user_events e
JOIN item_catalog i ON e.item_id = i.item_id
WHERE e.ts > NOW() - INTERVAL '24 hours'
  AND e.event_type IN ('view', 'purchase')
GROUP BY e.user_id, i.category;

CREATE MATERIALIZED VIEW IF NOT EXISTS order_value_features AS
SELECT
    customer_id,
    COUNT(*)                     AS total_orders,
    SUM(order_value)             AS lifetime_value,
    AVG(order_value)             AS avg_order_value,
    MAX(created_at)              AS last_order_ts
FROM orders
GROUP BY customer_id;
