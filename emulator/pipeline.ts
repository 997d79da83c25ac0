// The emulated cluster's streaming graph: the seed's demo pipeline plus optional scale-out groups.
import type { ColumnSpec } from "./sql-types";

export type RelationKind = "source" | "table" | "materialized view" | "sink";

export type RelationSpec = {
  id: number;
  name: string;
  kind: RelationKind;
  definition: string;
  columns: ColumnSpec[];
  upstream: string[];
  connector?: string;
  connectorProps?: Record<string, string>;
  formatEncodeOptions?: Record<string, string> | null;
  format?: string;
  rowEncode?: string;
  sinkType?: string;
  /** Kafka partitions of a source. */
  partitions?: number;
};

export type PipelineOptions = { redisUrl: string; archiveBucket: string; archivePrefix: string; extraGroups: number };

export const FIRST_RELATION_ID = 1001;

const USER_EVENT_COLUMNS: ColumnSpec[] = [
  { name: "user_id", type: "bigint" },
  { name: "item_id", type: "bigint" },
  { name: "event_type", type: "varchar" },
  { name: "amount", type: "numeric", nullable: true },
  { name: "event_ts", type: "timestamptz" },
];

export const USER_FEATURES_COLUMNS: ColumnSpec[] = [
  { name: "user_id", type: "bigint", primaryKey: true },
  { name: "event_count_1h", type: "bigint" },
  { name: "click_count_1h", type: "bigint" },
  { name: "purchase_count_1h", type: "bigint" },
  { name: "total_spend_1h", type: "numeric" },
  { name: "avg_purchase_amount_1h", type: "double", nullable: true },
  { name: "last_event_ts", type: "timestamptz" },
];

export const AFFINITY_COLUMNS: ColumnSpec[] = [
  { name: "user_id", type: "bigint", primaryKey: true },
  { name: "item_id", type: "bigint", primaryKey: true },
  { name: "category", type: "varchar", nullable: true },
  { name: "interaction_count", type: "bigint" },
  { name: "affinity_score", type: "double" },
  { name: "last_interaction_ts", type: "timestamptz" },
];

export const ORDER_FEATURES_COLUMNS: ColumnSpec[] = [
  { name: "user_id", type: "bigint", primaryKey: true },
  { name: "order_count_7d", type: "bigint" },
  { name: "total_order_value_7d", type: "numeric" },
  { name: "avg_order_value_7d", type: "double" },
  { name: "last_order_ts", type: "timestamptz" },
];

export const ITEM_CATALOG_COLUMNS: ColumnSpec[] = [
  { name: "item_id", type: "bigint", primaryKey: true },
  { name: "category", type: "varchar" },
  { name: "price", type: "numeric" },
  { name: "updated_at", type: "timestamptz" },
];

export const SCALE_GROUP_COLUMNS: ColumnSpec[] = [
  { name: "entity_id", type: "bigint", primaryKey: true },
  { name: "feature_a", type: "bigint" },
  { name: "feature_b", type: "double" },
  { name: "updated_at", type: "timestamptz" },
];

const ORDER_TEMPLATE_VALUE = "order_count_7d:{order_count_7d},total_order_value_7d:{total_order_value_7d},avg_order_value_7d:{avg_order_value_7d},last_order_ts:{last_order_ts}";

export const scaleGroupName = (index: number) => `feature_group_${String(index).padStart(4, "0")}`;

/** The DDL text RisingWave keeps in `definition` for a WITH clause. */
const withClause = (props: Record<string, string>) =>
  Object.entries(props)
    .map(([key, value]) => `${key} = '${value.replaceAll("'", "''")}'`)
    .join(", ");

export function buildPipeline(options: PipelineOptions): RelationSpec[] {
  const s3Path = [options.archivePrefix, "sinks/user_features_1h"].filter(Boolean).join("/");
  const kafka = { connector: "kafka", topic: "user_events", "properties.bootstrap.server": "kafka:9092", "scan.startup.mode": "earliest" };
  const cdc = { connector: "postgres-cdc", hostname: "orders-db", port: "5432", username: "rw_cdc", password: "cdc-secret", "database.name": "shop", "schema.name": "public", "table.name": "orders" };
  const redisJson = { connector: "redis", "redis.url": options.redisUrl, primary_key: "user_id" };
  const redisTemplate = { connector: "redis", "redis.url": options.redisUrl, primary_key: "user_id" };
  const s3 = {
    connector: "s3", "s3.region_name": "us-east-1", "s3.bucket_name": options.archiveBucket, "s3.path": s3Path,
    type: "append-only", force_append_only: "true", path_partition_prefix: "day", rollover_seconds: "5",
  };
  const specs: Omit<RelationSpec, "id">[] = [
    {
      name: "user_events", kind: "source", columns: USER_EVENT_COLUMNS, upstream: [], connector: "KAFKA", partitions: 3,
      connectorProps: kafka, formatEncodeOptions: {}, format: "FORMAT_TYPE_PLAIN", rowEncode: "ENCODE_TYPE_JSON",
      definition: `CREATE SOURCE user_events (user_id BIGINT, item_id BIGINT, event_type VARCHAR, amount NUMERIC, event_ts TIMESTAMPTZ) WITH (${withClause(kafka)}) FORMAT PLAIN ENCODE JSON`,
    },
    {
      name: "item_catalog", kind: "table", columns: ITEM_CATALOG_COLUMNS, upstream: [],
      definition: "CREATE TABLE item_catalog (item_id BIGINT PRIMARY KEY, category VARCHAR, price NUMERIC, updated_at TIMESTAMPTZ)",
    },
    {
      name: "orders_cdc", kind: "source", upstream: [], connector: "POSTGRES-CDC", connectorProps: cdc, formatEncodeOptions: {},
      format: "FORMAT_TYPE_PLAIN", rowEncode: "ENCODE_TYPE_JSON",
      columns: [
        { name: "order_id", type: "bigint" }, { name: "user_id", type: "bigint" }, { name: "order_value", type: "numeric" },
        { name: "status", type: "varchar" }, { name: "created_at", type: "timestamptz" },
      ],
      definition: `CREATE SOURCE orders_cdc WITH (${withClause(cdc)})`,
    },
    {
      name: "user_features_1h", kind: "materialized view", columns: USER_FEATURES_COLUMNS, upstream: ["user_events"],
      definition:
        "CREATE MATERIALIZED VIEW user_features_1h AS SELECT user_id, count(*) AS event_count_1h, count(*) FILTER (WHERE event_type = 'click') AS click_count_1h, " +
        "count(*) FILTER (WHERE event_type = 'purchase') AS purchase_count_1h, COALESCE(sum(amount) FILTER (WHERE event_type = 'purchase'), 0) AS total_spend_1h, " +
        "avg(amount) FILTER (WHERE event_type = 'purchase')::DOUBLE PRECISION AS avg_purchase_amount_1h, max(event_ts) AS last_event_ts " +
        "FROM user_events WHERE event_ts > now() - INTERVAL '1 hour' GROUP BY user_id",
    },
    {
      name: "user_item_affinity", kind: "materialized view", columns: AFFINITY_COLUMNS, upstream: ["user_events", "item_catalog"],
      definition:
        "CREATE MATERIALIZED VIEW user_item_affinity AS SELECT e.user_id, e.item_id, i.category, count(*) AS interaction_count, " +
        "sum(CASE e.event_type WHEN 'purchase' THEN 5 WHEN 'add_to_cart' THEN 3 WHEN 'click' THEN 1 ELSE 0.2 END)::DOUBLE PRECISION AS affinity_score, " +
        "max(e.event_ts) AS last_interaction_ts FROM user_events AS e LEFT JOIN item_catalog AS i ON e.item_id = i.item_id GROUP BY e.user_id, e.item_id, i.category",
    },
    {
      name: "order_value_features", kind: "materialized view", columns: ORDER_FEATURES_COLUMNS, upstream: ["orders_cdc"],
      definition:
        "CREATE MATERIALIZED VIEW order_value_features AS SELECT user_id, count(*) AS order_count_7d, sum(order_value) AS total_order_value_7d, " +
        "avg(order_value)::DOUBLE PRECISION AS avg_order_value_7d, max(created_at) AS last_order_ts FROM orders_cdc " +
        "WHERE created_at > now() - INTERVAL '7 days' GROUP BY user_id",
    },
    {
      name: "user_features_to_redis", kind: "sink", columns: USER_FEATURES_COLUMNS, upstream: ["user_features_1h"], connector: "REDIS",
      connectorProps: redisJson, formatEncodeOptions: { "timestamptz.handling.mode": "utc_string" }, sinkType: "SINK_TYPE_UPSERT",
      definition: `CREATE SINK user_features_to_redis FROM user_features_1h WITH (${withClause(redisJson)}) FORMAT UPSERT ENCODE JSON`,
    },
    {
      name: "order_value_features_to_redis", kind: "sink", columns: ORDER_FEATURES_COLUMNS, upstream: ["order_value_features"], connector: "REDIS",
      connectorProps: redisTemplate, sinkType: "SINK_TYPE_UPSERT",
      formatEncodeOptions: { key_format: "order_features:{user_id}", value_format: ORDER_TEMPLATE_VALUE },
      definition: `CREATE SINK order_value_features_to_redis FROM order_value_features WITH (${withClause(redisTemplate)}) FORMAT UPSERT ENCODE TEMPLATE (key_format = 'order_features:{user_id}', value_format = '${ORDER_TEMPLATE_VALUE}')`,
    },
    {
      name: "user_features_daily_snapshot", kind: "sink", columns: USER_FEATURES_COLUMNS, upstream: ["user_features_1h"], connector: "S3",
      connectorProps: s3, formatEncodeOptions: {}, sinkType: "SINK_TYPE_APPEND_ONLY",
      definition: `CREATE SINK user_features_daily_snapshot FROM user_features_1h WITH (${withClause(s3)}) FORMAT PLAIN ENCODE PARQUET (force_append_only = 'true')`,
    },
  ];
  for (let index = 1; index <= options.extraGroups; index++) {
    const name = scaleGroupName(index);
    const props = { connector: "redis", "redis.url": options.redisUrl, primary_key: "entity_id" };
    specs.push(
      {
        name, kind: "materialized view", columns: SCALE_GROUP_COLUMNS, upstream: ["user_events"],
        definition: `CREATE MATERIALIZED VIEW ${name} AS SELECT user_id AS entity_id, count(*) AS feature_a, avg(amount)::DOUBLE PRECISION AS feature_b, max(event_ts) AS updated_at FROM user_events WHERE user_id % 1000 = ${index % 1000} GROUP BY user_id`,
      },
      {
        name: `${name}_to_redis`, kind: "sink", columns: SCALE_GROUP_COLUMNS, upstream: [name], connector: "REDIS", connectorProps: props,
        formatEncodeOptions: { "timestamptz.handling.mode": "utc_string" }, sinkType: "SINK_TYPE_UPSERT",
        definition: `CREATE SINK ${name}_to_redis FROM ${name} WITH (${withClause(props)}) FORMAT UPSERT ENCODE JSON`,
      },
    );
  }
  return specs.map((spec, index) => ({ ...spec, id: FIRST_RELATION_ID + index }));
}
