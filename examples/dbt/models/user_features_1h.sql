SELECT
    user_id,
    COUNT(*)                                          AS event_count_1h,
    COUNT(DISTINCT session_id)                        AS session_count_1h,
    COUNT(*) FILTER (WHERE event_type = 'purchase')  AS purchase_count_1h,
    COUNT(*) FILTER (WHERE event_type = 'view')      AS view_count_1h,
    MAX(ts)                                           AS last_event_ts
FROM {{ source('streams', 'user_events') }}
WHERE ts > NOW() - INTERVAL '1 hour'
GROUP BY user_id
