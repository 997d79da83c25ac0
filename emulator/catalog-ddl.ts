// The rw_catalog relations of RisingWave v3.0.3, column for column (docs/reference/risingwave-catalog.md).
// They are plain tables here; the emulator keeps them current. NOT NULL marks the contract's
// non-Option fields; nullable columns are the contract's "null" ones.
export const CATALOG_DDL = `
DROP SCHEMA IF EXISTS rw_catalog CASCADE;
DROP SCHEMA IF EXISTS emulator_control CASCADE;

-- The emulator's own control plane (faults, and the rows behind Prometheus-backed relations); never
-- read by Tideline. A restart starts healthy.
CREATE SCHEMA emulator_control;
CREATE TABLE emulator_control.faults (
  kind varchar NOT NULL, target varchar NOT NULL, params jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (kind, target));
CREATE TABLE emulator_control.kafka_job_lag (
  job_id int4 NOT NULL, source_id int4 NOT NULL, fragment_id int4 NOT NULL, partition_id varchar NOT NULL,
  lag_phase varchar NOT NULL, high_watermark int8, consumer_offset int8, lag int8,
  PRIMARY KEY (job_id, source_id, fragment_id, partition_id));
-- rw_kafka_source_metrics asks Prometheus from the frontend; unreachable, the query fails (§11.9).
CREATE FUNCTION emulator_control.prometheus_answers() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM emulator_control.faults WHERE kind = 'prometheus-down') THEN
    RAISE EXCEPTION 'failed to query Prometheus: error sending request for url (http://prometheus:9500/api/v1/query): connection refused';
  END IF;
  RETURN true;
END $fn$;

CREATE SCHEMA rw_catalog;

-- A RisingWave session's time zone is UTC unless set: \`timestamp\` values and casts follow it.
DO $tz$ BEGIN EXECUTE format('ALTER DATABASE %I SET timezone TO %L', current_database(), 'UTC'); END $tz$;

CREATE TABLE rw_catalog.rw_databases (
  id int4 NOT NULL PRIMARY KEY, name varchar NOT NULL, owner int4 NOT NULL, acl varchar[] NOT NULL,
  resource_group varchar NOT NULL, barrier_interval_ms int4, checkpoint_frequency int8);

CREATE TABLE rw_catalog.rw_schemas (
  id int4 NOT NULL PRIMARY KEY, name varchar NOT NULL, owner int4 NOT NULL, acl varchar[] NOT NULL);

CREATE TABLE rw_catalog.rw_relations (
  id int4 NOT NULL PRIMARY KEY, name varchar NOT NULL, relation_type varchar NOT NULL, schema_id int4 NOT NULL,
  owner int4 NOT NULL, definition varchar NOT NULL, acl varchar[] NOT NULL);

CREATE TABLE rw_catalog.rw_materialized_views (
  id int4 NOT NULL PRIMARY KEY, name varchar NOT NULL, schema_id int4 NOT NULL, schema_name varchar NOT NULL,
  owner int4 NOT NULL, definition varchar NOT NULL, append_only bool NOT NULL, acl varchar[] NOT NULL,
  initialized_at timestamptz, created_at timestamptz, initialized_at_cluster_version varchar,
  created_at_cluster_version varchar, background_ddl bool NOT NULL, status varchar NOT NULL);

CREATE TABLE rw_catalog.rw_tables (
  id int4 NOT NULL PRIMARY KEY, name varchar NOT NULL, schema_id int4 NOT NULL, owner int4 NOT NULL,
  definition varchar NOT NULL, append_only bool NOT NULL, refreshable bool NOT NULL, acl varchar[] NOT NULL,
  initialized_at timestamptz, created_at timestamptz, initialized_at_cluster_version varchar,
  created_at_cluster_version varchar);

CREATE TABLE rw_catalog.rw_sources (
  id int4 NOT NULL PRIMARY KEY, name varchar NOT NULL, schema_id int4 NOT NULL, owner int4 NOT NULL,
  connector varchar NOT NULL, columns varchar[] NOT NULL, format varchar, row_encode varchar,
  append_only bool NOT NULL, associated_table_id int4, connection_id int4, definition varchar NOT NULL,
  acl varchar[] NOT NULL, initialized_at timestamptz, created_at timestamptz,
  initialized_at_cluster_version varchar, created_at_cluster_version varchar, is_shared bool NOT NULL,
  connector_props jsonb NOT NULL, format_encode_options jsonb NOT NULL);

CREATE TABLE rw_catalog.rw_sinks (
  id int4 NOT NULL PRIMARY KEY, name varchar NOT NULL, schema_id int4 NOT NULL, owner int4 NOT NULL,
  connector varchar NOT NULL, sink_type varchar NOT NULL, connection_id int4, definition varchar NOT NULL,
  target_table_name varchar, acl varchar[] NOT NULL, initialized_at timestamptz, created_at timestamptz,
  initialized_at_cluster_version varchar, created_at_cluster_version varchar, background_ddl bool NOT NULL,
  connector_props jsonb NOT NULL, format_encode_options jsonb);

CREATE TABLE rw_catalog.rw_sink_decouple (
  sink_id int4 NOT NULL PRIMARY KEY, is_decouple bool NOT NULL, watermark_vnode_count int4 NOT NULL);

CREATE TABLE rw_catalog.rw_depend (
  objid int4 NOT NULL, refobjid int4 NOT NULL, PRIMARY KEY (objid, refobjid));

CREATE TABLE rw_catalog.rw_columns (
  relation_id int4 NOT NULL, name varchar NOT NULL, position int4 NOT NULL, is_hidden bool NOT NULL,
  is_primary_key bool NOT NULL, is_distribution_key bool NOT NULL, is_generated bool NOT NULL,
  is_nullable bool NOT NULL, generation_expression varchar, data_type varchar NOT NULL, type_oid int4 NOT NULL,
  type_len int2 NOT NULL, udt_type varchar NOT NULL, PRIMARY KEY (relation_id, position));

CREATE TABLE rw_catalog.rw_streaming_jobs (
  id int4 NOT NULL PRIMARY KEY, name varchar NOT NULL, database_id int4 NOT NULL, status varchar NOT NULL,
  parallelism varchar NOT NULL, max_parallelism int4 NOT NULL, resource_group varchar NOT NULL);

CREATE TABLE rw_catalog.rw_fragments (
  fragment_id int4 NOT NULL PRIMARY KEY, table_id int4 NOT NULL, distribution_type varchar NOT NULL,
  state_table_ids int4[] NOT NULL, upstream_fragment_ids int4[] NOT NULL, flags varchar[] NOT NULL,
  parallelism int4 NOT NULL, max_parallelism int4 NOT NULL, parallelism_policy varchar NOT NULL);

CREATE TABLE rw_catalog.rw_ddl_progress (
  ddl_id int8 NOT NULL PRIMARY KEY, ddl_statement varchar NOT NULL, create_type varchar NOT NULL,
  progress varchar NOT NULL, initialized_at timestamptz, is_serverless_backfill bool NOT NULL,
  backfill_type varchar NOT NULL);

CREATE TABLE rw_catalog.rw_table_stats (
  id int4 NOT NULL PRIMARY KEY, total_key_count int8 NOT NULL, total_key_size int8 NOT NULL,
  total_value_size int8 NOT NULL);

CREATE TABLE rw_catalog.rw_internal_tables (
  id int4 NOT NULL PRIMARY KEY, name varchar NOT NULL, schema_id int4 NOT NULL, job_id int4 NOT NULL,
  owner int4 NOT NULL, definition varchar NOT NULL, acl varchar[] NOT NULL, initialized_at timestamptz,
  created_at timestamptz, initialized_at_cluster_version varchar, created_at_cluster_version varchar);

CREATE TABLE rw_catalog.rw_hummock_snapshot (
  table_id int4 NOT NULL PRIMARY KEY, committed_epoch int8 NOT NULL);

-- A view in RisingWave too (over rw_kafka_source_metrics, which reads Prometheus).
CREATE VIEW rw_catalog.rw_kafka_job_lag AS
  SELECT job_id, source_id, fragment_id, partition_id, lag_phase, high_watermark, consumer_offset, lag
  FROM emulator_control.kafka_job_lag WHERE emulator_control.prometheus_answers();

CREATE TABLE rw_catalog.rw_event_logs (
  unique_id varchar NOT NULL PRIMARY KEY, "timestamp" timestamptz NOT NULL, event_type varchar NOT NULL,
  info jsonb NOT NULL);
CREATE INDEX rw_event_logs_type_time ON rw_catalog.rw_event_logs (event_type, "timestamp");

CREATE TABLE rw_catalog.rw_worker_nodes (
  id int4 NOT NULL PRIMARY KEY, host varchar, port varchar, type varchar NOT NULL, state varchar NOT NULL,
  parallelism int4, is_streaming bool, is_serving bool, internal_rpc_host_addr varchar, rw_version varchar,
  system_total_memory_bytes int8, system_total_cpu_cores int8, started_at timestamptz, resource_group varchar,
  is_iceberg_compactor bool);

-- RisingWave's builtin (v2.2+): upper 48 bits of an epoch are ms since 2021-04-01 UTC.
CREATE OR REPLACE FUNCTION public.rw_epoch_to_ts(epoch bigint) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT to_timestamp(1617235200 + (epoch >> 16) / 1000.0) $$;
`;
