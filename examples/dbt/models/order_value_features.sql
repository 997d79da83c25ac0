SELECT
    customer_id,
    COUNT(*)                     AS total_orders,
    SUM(order_value)             AS lifetime_value,
    AVG(order_value)             AS avg_order_value,
    MAX(created_at)              AS last_order_ts
FROM {{ source('streams', 'orders_cdc') }}
GROUP BY customer_id
