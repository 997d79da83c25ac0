// The rw_catalog relations and columns Tideline relies on, transcribed from
// docs/reference/risingwave-catalog.md (RisingWave v3.0.3). Type names are PostgreSQL udt names;
// "?" marks a nullable column (the contract's Option<T> / "null").
export const RW_CATALOG_CONTRACT: Record<string, string> = {
  rw_relations: "id int4, name varchar, relation_type varchar, schema_id int4, owner int4, definition varchar, acl _varchar",
  rw_materialized_views:
    "id int4, name varchar, schema_id int4, schema_name varchar, owner int4, definition varchar, append_only bool, acl _varchar, initialized_at timestamptz?, created_at timestamptz?, initialized_at_cluster_version varchar?, created_at_cluster_version varchar?, background_ddl bool, status varchar",
  rw_tables:
    "id int4, name varchar, schema_id int4, owner int4, definition varchar, append_only bool, refreshable bool, acl _varchar, initialized_at timestamptz?, created_at timestamptz?, initialized_at_cluster_version varchar?, created_at_cluster_version varchar?",
  rw_sources:
    "id int4, name varchar, schema_id int4, owner int4, connector varchar, columns _varchar, format varchar?, row_encode varchar?, append_only bool, associated_table_id int4?, connection_id int4?, definition varchar, acl _varchar, initialized_at timestamptz?, created_at timestamptz?, initialized_at_cluster_version varchar?, created_at_cluster_version varchar?, is_shared bool, connector_props jsonb, format_encode_options jsonb",
  rw_sinks:
    "id int4, name varchar, schema_id int4, owner int4, connector varchar, sink_type varchar, connection_id int4?, definition varchar, target_table_name varchar?, acl _varchar, initialized_at timestamptz?, created_at timestamptz?, initialized_at_cluster_version varchar?, created_at_cluster_version varchar?, background_ddl bool, connector_props jsonb, format_encode_options jsonb?",
  rw_sink_decouple: "sink_id int4, is_decouple bool, watermark_vnode_count int4",
  rw_depend: "objid int4, refobjid int4",
  rw_columns:
    "relation_id int4, name varchar, position int4, is_hidden bool, is_primary_key bool, is_distribution_key bool, is_generated bool, is_nullable bool, generation_expression varchar?, data_type varchar, type_oid int4, type_len int2, udt_type varchar",
  rw_schemas: "id int4, name varchar, owner int4, acl _varchar",
  rw_databases:
    "id int4, name varchar, owner int4, acl _varchar, resource_group varchar, barrier_interval_ms int4?, checkpoint_frequency int8?",
  rw_streaming_jobs:
    "id int4, name varchar, database_id int4, status varchar, parallelism varchar, max_parallelism int4, resource_group varchar",
  rw_fragments:
    "fragment_id int4, table_id int4, distribution_type varchar, state_table_ids _int4, upstream_fragment_ids _int4, flags _varchar, parallelism int4, max_parallelism int4, parallelism_policy varchar",
  rw_ddl_progress:
    "ddl_id int8, ddl_statement varchar, create_type varchar, progress varchar, initialized_at timestamptz?, is_serverless_backfill bool, backfill_type varchar",
  rw_table_stats: "id int4, total_key_count int8, total_key_size int8, total_value_size int8",
  rw_internal_tables:
    "id int4, name varchar, schema_id int4, job_id int4, owner int4, definition varchar, acl _varchar, initialized_at timestamptz?, created_at timestamptz?, initialized_at_cluster_version varchar?, created_at_cluster_version varchar?",
  rw_hummock_snapshot: "table_id int4, committed_epoch int8",
  rw_kafka_job_lag:
    "job_id int4, source_id int4, fragment_id int4, partition_id varchar, lag_phase varchar, high_watermark int8?, consumer_offset int8?, lag int8?",
  rw_event_logs: "unique_id varchar, timestamp timestamptz, event_type varchar, info jsonb",
  rw_worker_nodes:
    "id int4, host varchar?, port varchar?, type varchar, state varchar, parallelism int4?, is_streaming bool?, is_serving bool?, internal_rpc_host_addr varchar?, rw_version varchar?, system_total_memory_bytes int8?, system_total_cpu_cores int8?, started_at timestamptz?, resource_group varchar?, is_iceberg_compactor bool?",
};
