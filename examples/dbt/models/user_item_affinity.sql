SELECT
    e.user_id,
    i.category,
    COUNT(*)              AS category_views_24h,
    SUM(i.price)          AS category_spend_24h
FROM {{ source('streams', 'user_events') }} e
JOIN {{ source('streams', 'item_catalog') }} i ON e.item_id = i.item_id
WHERE e.ts > NOW() - INTERVAL '24 hours'
  AND e.event_type IN ('view', 'purchase')
GROUP BY e.user_id, i.category
