-- The article's sources, in the form RisingWave v3.0 accepts.

-- Kafka: as printed in the article (Redpanda answers as kafka:9092 in the compose stack).
CREATE SOURCE IF NOT EXISTS user_events (
    user_id     BIGINT,
    event_type  VARCHAR,
    item_id     BIGINT,
    session_id  VARCHAR,
    ts          TIMESTAMPTZ
)
WITH (
    connector = 'kafka',
    topic = 'user-events',
    properties.bootstrap.server = 'kafka:9092',
    scan.startup.mode = 'earliest'
)
FORMAT PLAIN ENCODE JSON;

-- The item catalog the article's user_item_affinity joins (the article does not define it).
CREATE TABLE IF NOT EXISTS item_catalog (
    item_id  BIGINT PRIMARY KEY,
    category VARCHAR,
    price    NUMERIC
);

-- CDC: a postgres-cdc source is shared; a materialized view reads the table created from it, not
-- the source (the article selects FROM orders_cdc directly, which a real cluster refuses).
CREATE SOURCE IF NOT EXISTS orders_cdc
WITH (
    connector = 'postgres-cdc',
    hostname = 'postgres',
    port = '5432',
    username = 'replication_user',
    password = 'replication',
    database.name = 'production',
    schema.name = 'public',
    slot.name = 'risingwave_slot',
    publication.name = 'rw_publication'
);

CREATE TABLE IF NOT EXISTS orders (
    order_id    BIGINT PRIMARY KEY,
    customer_id BIGINT,
    order_value NUMERIC,
    created_at  TIMESTAMPTZ
)
FROM orders_cdc TABLE 'public.orders';
