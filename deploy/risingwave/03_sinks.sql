-- The article's sinks, made valid (see the RisingWave contract, §6 and §7):
-- * Redis: a FORMAT clause is required; the MV updates and deletes rows, so FORMAT UPSERT ENCODE
--   JSON (SET on change, DEL on delete). Keys are {"user_id":42}, values the row as JSON.
-- * S3: the option is s3.region_name; s3.path is literal (no {snapshot_date} templating), so daily
--   folders come from path_partition_prefix = 'day'; a file sink must be append-only.

CREATE SINK IF NOT EXISTS user_features_to_redis
FROM user_features_1h
WITH (
    connector = 'redis',
    primary_key = 'user_id',
    redis.url = 'redis://redis:6379'
)
FORMAT UPSERT ENCODE JSON;

CREATE SINK IF NOT EXISTS user_item_affinity_to_redis
FROM user_item_affinity
WITH (
    connector = 'redis',
    primary_key = 'user_id,category',
    redis.url = 'redis://redis:6379'
)
FORMAT UPSERT ENCODE JSON;

CREATE SINK IF NOT EXISTS order_value_features_to_redis
FROM order_value_features
WITH (
    connector = 'redis',
    primary_key = 'customer_id',
    redis.url = 'redis://redis:6379'
)
FORMAT UPSERT ENCODE TEMPLATE (key_format = 'order_features:{customer_id}', value_format = '{total_orders},{lifetime_value},{avg_order_value},{last_order_ts}');

CREATE SINK IF NOT EXISTS user_features_daily_snapshot
FROM user_features_1h
WITH (
    connector = 's3',
    s3.region_name = 'us-east-1',
    s3.bucket_name = 'ml-feature-store',
    s3.path = 'snapshots/user_features_1h',
    s3.endpoint_url = 'http://minio:9000',
    s3.credentials.access = 'tideline',
    s3.credentials.secret = 'tideline-secret',
    type = 'append-only',
    force_append_only = 'true',
    path_partition_prefix = 'day'
)
FORMAT PLAIN ENCODE PARQUET (force_append_only = 'true');
