-- The article's operational database: the orders table its postgres-cdc source replicates.
CREATE DATABASE production;
\connect production
CREATE TABLE public.orders (
    order_id    BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    order_value NUMERIC(12, 2) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
ALTER TABLE public.orders REPLICA IDENTITY FULL;
CREATE USER replication_user WITH REPLICATION PASSWORD 'replication';
GRANT SELECT ON public.orders TO replication_user;
CREATE PUBLICATION rw_publication FOR TABLE public.orders;
