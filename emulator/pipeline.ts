// The emulated cluster's streaming graph: the reference article's pipeline, statement for statement
// (docs/reference/feature-store-article.txt), three MVs that cover a non-public schema, a date key
// and a timestamp (no time zone) event time, and optional scale-out groups.
//
// Where the article's SQL is not accepted by RisingWave v3.0.3 as printed, the nearest valid
// statement is used, and the comment next to it says why.
import type { ColumnSpec } from "./sql-types";

export type RelationKind = "source" | "table" | "materialized view" | "sink";

export type RelationSpec = {
  id: number;
  name: string;
  /** The relation's schema (rw_schemas.name). */
  schema: string;
  kind: RelationKind;
  definition: string;
  columns: ColumnSpec[];
  upstream: string[];
  connector?: string;
  connectorProps?: Record<string, string>;
  /** null: the sink has no FORMAT options, stored as the jsonb value null (§11.8). */
  formatEncodeOptions?: Record<string, string> | null;
  format?: string;
  rowEncode?: string;
  sinkType?: string;
  /** Kafka partitions of a source. */
  partitions?: number;
  /** Sinks: FORMAT UPSERT deletes keys (DEL) when MV rows are deleted; PLAIN / append-only sinks do not. */
  upsert?: boolean;
};

export type PipelineOptions = { redisUrl: string; archiveBucket: string; archivePrefix: string; extraGroups: number };

export const FIRST_RELATION_ID = 1001;
export const RISK_SCHEMA = "risk";

const bigint = (name: string, primaryKey = false): ColumnSpec => ({ name, type: "bigint", primaryKey });

export const USER_EVENT_COLUMNS: ColumnSpec[] = [
  bigint("user_id"),
  { name: "event_type", type: "varchar" },
  bigint("item_id"),
  { name: "session_id", type: "varchar" },
  { name: "ts", type: "timestamptz" },
];
export const ITEM_CATALOG_COLUMNS: ColumnSpec[] = [
  bigint("item_id", true),
  { name: "category", type: "varchar", nullable: true },
  { name: "price", type: "numeric", nullable: true },
  { name: "updated_at", type: "timestamptz", nullable: true },
];
export const ORDERS_COLUMNS: ColumnSpec[] = [
  bigint("order_id", true),
  { name: "customer_id", type: "bigint", nullable: true },
  { name: "order_value", type: "numeric", nullable: true },
  { name: "created_at", type: "timestamptz", nullable: true },
];
export const USER_FEATURES_COLUMNS: ColumnSpec[] = [
  bigint("user_id", true),
  bigint("event_count_1h"),
  bigint("session_count_1h"),
  bigint("purchase_count_1h"),
  bigint("view_count_1h"),
  { name: "last_event_ts", type: "timestamptz", nullable: true },
];
export const AFFINITY_COLUMNS: ColumnSpec[] = [
  bigint("user_id", true),
  { name: "category", type: "varchar", primaryKey: true },
  bigint("category_views_24h"),
  { name: "category_spend_24h", type: "numeric", nullable: true },
];
export const ORDER_FEATURES_COLUMNS: ColumnSpec[] = [
  bigint("customer_id", true),
  bigint("total_orders"),
  { name: "lifetime_value", type: "numeric", nullable: true },
  { name: "avg_order_value", type: "numeric", nullable: true },
  { name: "last_order_ts", type: "timestamptz", nullable: true },
];
export const HIGH_VALUE_COLUMNS: ColumnSpec[] = [
  bigint("customer_id", true),
  bigint("high_value_orders"),
  { name: "max_order_value", type: "numeric", nullable: true },
  { name: "is_vip", type: "boolean" },
  { name: "last_high_value_ts", type: "timestamptz", nullable: true },
];
export const CATEGORY_DAILY_COLUMNS: ColumnSpec[] = [
  { name: "category", type: "varchar", primaryKey: true },
  { name: "event_date", type: "date", primaryKey: true },
  bigint("view_count"),
  bigint("purchase_count"),
  { name: "revenue", type: "numeric" },
  { name: "last_event_ts", type: "timestamptz", nullable: true },
];
export const SESSION_COLUMNS: ColumnSpec[] = [
  { name: "session_id", type: "varchar", primaryKey: true },
  { name: "user_id", type: "bigint", nullable: true },
  bigint("event_count"),
  { name: "event_mix", type: "jsonb" },
  { name: "session_start", type: "timestamp", nullable: true },
  { name: "last_event_at", type: "timestamp", nullable: true },
];
/** A scale-out group: six features of every kind drift compares (counts, a mean, a category, a flag, a time). */
export const SCALE_GROUP_COLUMNS: ColumnSpec[] = [
  bigint("entity_id", true),
  bigint("feature_a"),
  { name: "feature_b", type: "double" },
  bigint("feature_c"),
  { name: "feature_d", type: "varchar", nullable: true },
  { name: "feature_e", type: "boolean", nullable: true },
  { name: "updated_at", type: "timestamptz" },
];

export const ORDER_TEMPLATE = {
  key: "order_features:{customer_id}",
  value: "total_orders:{total_orders},lifetime_value:{lifetime_value},avg_order_value:{avg_order_value},last_order_ts:{last_order_ts}",
};
export const RISK_TEMPLATE = {
  key: "risk:customer:{customer_id}",
  value: "orders={high_value_orders};max={max_order_value};vip={is_vip};last={last_high_value_ts}",
};

export const scaleGroupName = (index: number) => `feature_group_${String(index).padStart(4, "0")}`;

/** The DDL text RisingWave keeps in `definition` for a WITH clause. */
const withClause = (props: Record<string, string>) =>
  Object.entries(props)
    .map(([key, value]) => `${key} = '${value.replaceAll("'", "''")}'`)
    .join(", ");

type Spec = Omit<RelationSpec, "id" | "schema"> & { schema?: string };

/**
 * The FORMAT options RisingWave stores for a sink with FORMAT … ENCODE …: the user's, plus
 * timestamptz.handling.mode = utc_string, which the frontend injects for every encode
 * (src/frontend/src/handler/create_sink.rs, bind_sink_format_desc).
 */
export const withFormatDefaults = (options: Record<string, string>) => ({ ...options, "timestamptz.handling.mode": "utc_string" });

function redisSink(
  name: string,
  from: string,
  columns: ColumnSpec[],
  redisUrl: string,
  primaryKey: string,
  template?: { key: string; value: string },
  schema?: string,
): Spec {
  const props = { connector: "redis", primary_key: primaryKey, "redis.url": redisUrl };
  const qualifiedFrom = schema ? `${schema}.${from}` : from;
  const qualifiedName = schema ? `${schema}.${name}` : name;
  const encode = template
    ? `FORMAT UPSERT ENCODE TEMPLATE (key_format = '${template.key}', value_format = '${template.value}')`
    : "FORMAT UPSERT ENCODE JSON";
  return {
    name,
    ...(schema ? { schema } : {}),
    kind: "sink",
    columns,
    upstream: [from],
    connector: "REDIS",
    connectorProps: props,
    sinkType: "SINK_TYPE_UPSERT",
    upsert: true,
    formatEncodeOptions: withFormatDefaults(template ? { key_format: template.key, value_format: template.value } : {}),
    definition: `CREATE SINK ${qualifiedName} FROM ${qualifiedFrom} WITH (${withClause(props)}) ${encode}`,
  };
}

export function buildPipeline(options: PipelineOptions): RelationSpec[] {
  const snapshotPath = [options.archivePrefix, "snapshots/user_features_1h"].filter(Boolean).join("/");
  const kafka = { connector: "kafka", topic: "user-events", "properties.bootstrap.server": "kafka:9092", "scan.startup.mode": "earliest" };
  const cdc = {
    connector: "postgres-cdc",
    hostname: "rds.example.com",
    port: "5432",
    username: "replication_user",
    password: "...",
    "database.name": "production",
    "schema.name": "public",
    "table.name": "orders",
    "slot.name": "risingwave_slot",
  };
  // The article's S3 sink, made valid: the option is s3.region_name (not s3.region); s3.path is used
  // verbatim, so `date={snapshot_date}/` would be a folder of that literal name (§7.3): the path stops
  // at the group and `path_partition_prefix = 'day'` gives the daily folders. A file sink must be
  // append-only, so the MV's updates go through force_append_only.
  const s3 = {
    connector: "s3",
    "s3.region_name": "us-east-1",
    "s3.bucket_name": options.archiveBucket,
    "s3.path": snapshotPath,
    "s3.credentials.access": "...",
    "s3.credentials.secret": "...",
    type: "append-only",
    force_append_only: "true",
    path_partition_prefix: "day",
    rollover_seconds: "5",
  };
  // An Iceberg sink takes no FORMAT clause (the legacy `type` maps to none for iceberg), so its
  // format_encode_options is the jsonb value null (§11.8).
  const iceberg = {
    connector: "iceberg",
    type: "upsert",
    primary_key: "customer_id",
    "warehouse.path": "s3a://ml-feature-store/iceberg",
    "catalog.type": "storage",
    "database.name": "features",
    "table.name": "order_value_features",
    "s3.region": "us-east-1",
    "s3.access.key": "...",
    "s3.secret.key": "...",
  };
  const specs: Spec[] = [
    {
      name: "user_events",
      kind: "source",
      columns: USER_EVENT_COLUMNS,
      upstream: [],
      connector: "KAFKA",
      partitions: 3,
      connectorProps: kafka,
      formatEncodeOptions: null,
      format: "FORMAT_TYPE_PLAIN",
      rowEncode: "ENCODE_TYPE_JSON",
      definition: `CREATE SOURCE user_events (user_id BIGINT, event_type CHARACTER VARYING, item_id BIGINT, session_id CHARACTER VARYING, ts TIMESTAMP WITH TIME ZONE) WITH (${withClause(kafka)}) FORMAT PLAIN ENCODE JSON`,
    },
    {
      // The article joins item_catalog without defining it: a plain table fed by DML.
      name: "item_catalog",
      kind: "table",
      columns: ITEM_CATALOG_COLUMNS,
      upstream: [],
      definition:
        "CREATE TABLE item_catalog (item_id BIGINT PRIMARY KEY, category CHARACTER VARYING, price NUMERIC, updated_at TIMESTAMP WITH TIME ZONE)",
    },
    {
      // The article's `CREATE SOURCE orders_cdc WITH (connector = 'postgres-cdc', …)` makes a shared
      // CDC source that a materialized view cannot select from; the nearest statement that keeps the
      // name, the options and the article's MV unchanged is a CDC table with the orders columns.
      name: "orders_cdc",
      kind: "table",
      columns: ORDERS_COLUMNS,
      upstream: [],
      connector: "POSTGRES-CDC",
      connectorProps: cdc,
      formatEncodeOptions: null,
      format: "FORMAT_TYPE_PLAIN",
      rowEncode: "ENCODE_TYPE_JSON",
      definition: `CREATE TABLE orders_cdc (order_id BIGINT PRIMARY KEY, customer_id BIGINT, order_value NUMERIC, created_at TIMESTAMP WITH TIME ZONE) WITH (${withClause(cdc)})`,
    },
    {
      name: "user_features_1h",
      kind: "materialized view",
      columns: USER_FEATURES_COLUMNS,
      upstream: ["user_events"],
      definition:
        "CREATE MATERIALIZED VIEW user_features_1h AS SELECT user_id, COUNT(*) AS event_count_1h, COUNT(DISTINCT session_id) AS session_count_1h, " +
        "COUNT(*) FILTER(WHERE event_type = 'purchase') AS purchase_count_1h, COUNT(*) FILTER(WHERE event_type = 'view') AS view_count_1h, " +
        "MAX(ts) AS last_event_ts FROM user_events WHERE ts > NOW() - INTERVAL '1 hour' GROUP BY user_id",
    },
    {
      name: "user_item_affinity",
      kind: "materialized view",
      columns: AFFINITY_COLUMNS,
      upstream: ["user_events", "item_catalog"],
      definition:
        "CREATE MATERIALIZED VIEW user_item_affinity AS SELECT e.user_id, i.category, COUNT(*) AS category_views_24h, SUM(i.price) AS category_spend_24h " +
        "FROM user_events AS e JOIN item_catalog AS i ON e.item_id = i.item_id WHERE e.ts > NOW() - INTERVAL '24 hours' AND e.event_type IN ('view', 'purchase') " +
        "GROUP BY e.user_id, i.category",
    },
    {
      name: "order_value_features",
      kind: "materialized view",
      columns: ORDER_FEATURES_COLUMNS,
      upstream: ["orders_cdc"],
      definition:
        "CREATE MATERIALIZED VIEW order_value_features AS SELECT customer_id, COUNT(*) AS total_orders, SUM(order_value) AS lifetime_value, " +
        "AVG(order_value) AS avg_order_value, MAX(created_at) AS last_order_ts FROM orders_cdc GROUP BY customer_id",
    },
    {
      // Coverage: an MV outside `public`, served through a TEMPLATE sink with a boolean placeholder.
      name: "high_value_customers",
      schema: RISK_SCHEMA,
      kind: "materialized view",
      columns: HIGH_VALUE_COLUMNS,
      upstream: ["orders_cdc"],
      definition:
        "CREATE MATERIALIZED VIEW risk.high_value_customers AS SELECT customer_id, COUNT(*) AS high_value_orders, MAX(order_value) AS max_order_value, " +
        "COUNT(*) >= 3 AS is_vip, MAX(created_at) AS last_high_value_ts FROM orders_cdc WHERE order_value >= 200 GROUP BY customer_id",
    },
    {
      // Coverage: a key with a date column (JSON key {"category":…,"event_date":<days>}).
      name: "category_daily_stats",
      kind: "materialized view",
      columns: CATEGORY_DAILY_COLUMNS,
      upstream: ["user_events", "item_catalog"],
      definition:
        "CREATE MATERIALIZED VIEW category_daily_stats AS SELECT i.category, e.ts::DATE AS event_date, COUNT(*) FILTER(WHERE e.event_type = 'view') AS view_count, " +
        "COUNT(*) FILTER(WHERE e.event_type = 'purchase') AS purchase_count, COALESCE(SUM(i.price) FILTER(WHERE e.event_type = 'purchase'), 0) AS revenue, " +
        "MAX(e.ts) AS last_event_ts FROM user_events AS e JOIN item_catalog AS i ON e.item_id = i.item_id GROUP BY i.category, e.ts::DATE",
    },
    {
      // Coverage: event time in a `timestamp` (no time zone) column, a jsonb value, rows leaving a window.
      name: "session_activity",
      kind: "materialized view",
      columns: SESSION_COLUMNS,
      upstream: ["user_events"],
      definition:
        "CREATE MATERIALIZED VIEW session_activity AS SELECT session_id, MAX(user_id) AS user_id, COUNT(*) AS event_count, " +
        "jsonb_build_object('view', COUNT(*) FILTER(WHERE event_type = 'view'), 'click', COUNT(*) FILTER(WHERE event_type = 'click'), " +
        "'add_to_cart', COUNT(*) FILTER(WHERE event_type = 'add_to_cart'), 'purchase', COUNT(*) FILTER(WHERE event_type = 'purchase')) AS event_mix, " +
        "MIN(ts AT TIME ZONE 'UTC') AS session_start, MAX(ts AT TIME ZONE 'UTC') AS last_event_at FROM user_events " +
        "WHERE ts > NOW() - INTERVAL '30 minutes' GROUP BY session_id",
    },
    // The article's Redis sink has no FORMAT clause, which RisingWave rejects; the MV updates and
    // deletes rows, so the nearest valid sink is FORMAT UPSERT ENCODE JSON (SET on change, DEL on delete).
    redisSink("user_features_to_redis", "user_features_1h", USER_FEATURES_COLUMNS, options.redisUrl, "user_id"),
    {
      name: "user_features_daily_snapshot",
      kind: "sink",
      columns: USER_FEATURES_COLUMNS,
      upstream: ["user_features_1h"],
      connector: "S3",
      connectorProps: s3,
      formatEncodeOptions: withFormatDefaults({ force_append_only: "true" }),
      sinkType: "SINK_TYPE_APPEND_ONLY",
      definition: `CREATE SINK user_features_daily_snapshot FROM user_features_1h WITH (${withClause(s3)}) FORMAT PLAIN ENCODE PARQUET (force_append_only = 'true')`,
    },
    redisSink("user_item_affinity_to_redis", "user_item_affinity", AFFINITY_COLUMNS, options.redisUrl, "user_id,category"),
    redisSink(
      "order_value_features_to_redis",
      "order_value_features",
      ORDER_FEATURES_COLUMNS,
      options.redisUrl,
      "customer_id",
      ORDER_TEMPLATE,
    ),
    {
      name: "order_value_features_to_iceberg",
      kind: "sink",
      columns: ORDER_FEATURES_COLUMNS,
      upstream: ["order_value_features"],
      connector: "ICEBERG",
      connectorProps: iceberg,
      formatEncodeOptions: null,
      sinkType: "SINK_TYPE_UPSERT",
      definition: `CREATE SINK order_value_features_to_iceberg FROM order_value_features WITH (${withClause(iceberg)})`,
    },
    redisSink(
      "high_value_customers_to_redis",
      "high_value_customers",
      HIGH_VALUE_COLUMNS,
      options.redisUrl,
      "customer_id",
      RISK_TEMPLATE,
      RISK_SCHEMA,
    ),
    redisSink("category_daily_stats_to_redis", "category_daily_stats", CATEGORY_DAILY_COLUMNS, options.redisUrl, "category,event_date"),
    redisSink("session_activity_to_redis", "session_activity", SESSION_COLUMNS, options.redisUrl, "session_id"),
  ];
  for (let index = 1; index <= options.extraGroups; index++) {
    const name = scaleGroupName(index);
    specs.push(
      {
        name,
        kind: "materialized view",
        columns: SCALE_GROUP_COLUMNS,
        upstream: ["user_events"],
        definition: `CREATE MATERIALIZED VIEW ${name} AS SELECT user_id AS entity_id, COUNT(*) AS feature_a, AVG(item_id)::DOUBLE PRECISION AS feature_b, COUNT(DISTINCT item_id) AS feature_c, MAX(event_type) AS feature_d, BOOL_OR(event_type = 'purchase') AS feature_e, MAX(ts) AS updated_at FROM user_events WHERE user_id % 1000 = ${index % 1000} GROUP BY user_id`,
      },
      redisSink(`${name}_to_redis`, name, SCALE_GROUP_COLUMNS, options.redisUrl, "entity_id"),
    );
  }
  return specs.map((spec, index) => ({ ...spec, schema: spec.schema ?? "public", id: FIRST_RELATION_ID + index }));
}
