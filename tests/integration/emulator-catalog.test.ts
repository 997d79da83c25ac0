// The emulator's rw_catalog, read back through information_schema, against the contract table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/emulator/emulator";
import { startTestEmulator } from "../support/emulator";
import { RW_CATALOG_CONTRACT } from "../contract/rw-catalog-contract";

let emulator: Emulator;
beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
});
afterAll(() => emulator.stop());

const VIEWS = new Set(["rw_kafka_job_lag"]);
const parse = (spec: string) =>
  spec.split(",").map((part) => {
    const [name = "", type = ""] = part.trim().split(/\s+/);
    return { name, type: type.replace(/\?$/, ""), nullable: type.endsWith("?") };
  });

describe("rw_catalog matches the contract", () => {
  it("has every relation of the contract, column for column (name, type, nullability, order)", async () => {
    const { rows } = await emulator.pool.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'rw_catalog' ORDER BY table_name, ordinal_position`,
    );
    const actual = new Map<string, { name: string; type: string; nullable: boolean }[]>();
    for (const row of rows) {
      const columns = actual.get(row.table_name) ?? [];
      columns.push({ name: row.column_name, type: row.udt_name, nullable: row.is_nullable === "YES" });
      actual.set(row.table_name, columns);
    }
    for (const [relation, spec] of Object.entries(RW_CATALOG_CONTRACT)) {
      // rw_kafka_job_lag is a view in RisingWave too; PostgreSQL reports every view column as nullable.
      const expected = VIEWS.has(relation) ? parse(spec).map((column) => ({ ...column, nullable: true })) : parse(spec);
      expect(actual.get(relation), relation).toEqual(expected);
    }
  });

  it("has rw_epoch_to_ts with RisingWave's encoding", async () => {
    const { rows } = await emulator.pool.query("SELECT rw_epoch_to_ts(7763027558400000) AS ts");
    expect((rows[0] as { ts: Date }).ts.toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });

  it("spells values as RisingWave does", async () => {
    const db = emulator.pool;
    const sources = await db.query(
      "SELECT name, connector, connector_props::text AS props, associated_table_id FROM rw_catalog.rw_sources ORDER BY id",
    );
    expect(sources.rows.map((row) => [row.name, row.connector, row.associated_table_id !== null])).toEqual([
      ["user_events", "KAFKA", false],
      ["orders_cdc", "POSTGRES-CDC", true],
    ]);
    expect(JSON.parse(sources.rows[0].props).topic).toEqual({ type: "plaintext", value: "user-events" });
    const sinks = await db.query(
      "SELECT s.name, sc.name AS schema, connector, sink_type, jsonb_typeof(format_encode_options) AS options FROM rw_catalog.rw_sinks AS s JOIN rw_catalog.rw_schemas AS sc ON sc.id = s.schema_id ORDER BY s.id",
    );
    expect(sinks.rows).toEqual([
      { name: "user_features_to_redis", schema: "public", connector: "REDIS", sink_type: "SINK_TYPE_UPSERT", options: "object" },
      { name: "user_features_daily_snapshot", schema: "public", connector: "S3", sink_type: "SINK_TYPE_APPEND_ONLY", options: "object" },
      { name: "user_item_affinity_to_redis", schema: "public", connector: "REDIS", sink_type: "SINK_TYPE_UPSERT", options: "object" },
      { name: "order_value_features_to_redis", schema: "public", connector: "REDIS", sink_type: "SINK_TYPE_UPSERT", options: "object" },
      { name: "order_value_features_to_iceberg", schema: "public", connector: "ICEBERG", sink_type: "SINK_TYPE_UPSERT", options: "null" },
      { name: "high_value_customers_to_redis", schema: "risk", connector: "REDIS", sink_type: "SINK_TYPE_UPSERT", options: "object" },
      { name: "category_daily_stats_to_redis", schema: "public", connector: "REDIS", sink_type: "SINK_TYPE_UPSERT", options: "object" },
      { name: "session_activity_to_redis", schema: "public", connector: "REDIS", sink_type: "SINK_TYPE_UPSERT", options: "object" },
    ]);
    const injected = await db.query(
      "SELECT count(*) AS n FROM rw_catalog.rw_sinks WHERE format_encode_options -> 'timestamptz.handling.mode' ->> 'value' = 'utc_string'",
    );
    expect(Number(injected.rows[0].n)).toBe(7); // every sink with FORMAT … ENCODE …
    const schemas = await db.query(
      "SELECT m.name, m.schema_name, sc.name AS schema FROM rw_catalog.rw_materialized_views AS m JOIN rw_catalog.rw_schemas AS sc ON sc.id = m.schema_id WHERE m.name = 'high_value_customers'",
    );
    expect(schemas.rows).toEqual([{ name: "high_value_customers", schema_name: "risk", schema: "risk" }]);
    const mvs = await db.query("SELECT DISTINCT status FROM rw_catalog.rw_materialized_views");
    expect(mvs.rows).toEqual([{ status: "Created" }]);
    const workers = await db.query("SELECT type FROM rw_catalog.rw_worker_nodes ORDER BY id");
    expect(workers.rows.map((row) => row.type)).toContain("WORKER_TYPE_COMPUTE_NODE");
    const definitions = await db.query("SELECT relation_type, definition FROM rw_catalog.rw_relations");
    for (const row of definitions.rows) expect(row.definition).toMatch(/^CREATE (SOURCE|TABLE|MATERIALIZED VIEW|SINK) /);
    const article = await db.query("SELECT definition FROM rw_catalog.rw_materialized_views WHERE name = 'user_features_1h'");
    expect(article.rows[0].definition).toBe(
      "CREATE MATERIALIZED VIEW user_features_1h AS SELECT user_id, COUNT(*) AS event_count_1h, COUNT(DISTINCT session_id) AS session_count_1h, " +
        "COUNT(*) FILTER(WHERE event_type = 'purchase') AS purchase_count_1h, COUNT(*) FILTER(WHERE event_type = 'view') AS view_count_1h, " +
        "MAX(ts) AS last_event_ts FROM user_events WHERE ts > NOW() - INTERVAL '1 hour' GROUP BY user_id",
    );
  });

  it("keeps object ids unique across kinds and lineage edges upstream → downstream", async () => {
    const { rows } = await emulator.pool.query(
      `SELECT up.name AS upstream, down.name AS downstream FROM rw_catalog.rw_depend AS d
       JOIN rw_catalog.rw_relations AS up ON up.id = d.refobjid JOIN rw_catalog.rw_relations AS down ON down.id = d.objid`,
    );
    const edges = rows.map((row) => `${row.upstream} → ${row.downstream}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        "user_events → user_features_1h",
        "user_events → user_item_affinity",
        "item_catalog → user_item_affinity",
        "orders_cdc → order_value_features",
        "orders_cdc → high_value_customers",
        "user_features_1h → user_features_to_redis",
        "user_features_1h → user_features_daily_snapshot",
        "order_value_features → order_value_features_to_redis",
        "user_events → category_daily_stats",
        "item_catalog → category_daily_stats",
        "user_events → session_activity",
      ]),
    );
    const ids = await emulator.pool.query(
      `SELECT id FROM rw_catalog.rw_relations UNION ALL SELECT id FROM rw_catalog.rw_internal_tables
       UNION ALL SELECT id FROM rw_catalog.rw_schemas UNION ALL SELECT id FROM rw_catalog.rw_databases`,
    );
    const all = ids.rows.map((row) => row.id as number);
    expect(new Set(all).size).toBe(all.length);
  });

  it("lists MV columns in rw_columns with RisingWave type names and the hidden _rw_timestamp", async () => {
    const { rows } = await emulator.pool.query(
      `SELECT c.name, c.data_type, c.is_hidden, c.is_primary_key FROM rw_catalog.rw_columns AS c
       JOIN rw_catalog.rw_relations AS r ON r.id = c.relation_id WHERE r.name = 'user_features_1h' ORDER BY c.position`,
    );
    expect(rows[0]).toEqual({ name: "user_id", data_type: "bigint", is_hidden: false, is_primary_key: true });
    expect(rows.map((row) => row.name)).toEqual([
      "user_id",
      "event_count_1h",
      "session_count_1h",
      "purchase_count_1h",
      "view_count_1h",
      "last_event_ts",
      "_rw_timestamp",
    ]);
    expect(rows.find((row) => row.name === "last_event_ts")?.data_type).toBe("timestamp with time zone");
    const other = await emulator.pool.query(
      `SELECT r.name, c.name AS column, c.data_type FROM rw_catalog.rw_columns AS c JOIN rw_catalog.rw_relations AS r ON r.id = c.relation_id
       WHERE (r.name, c.name) IN (('category_daily_stats', 'event_date'), ('session_activity', 'last_event_at'), ('session_activity', 'event_mix')) ORDER BY 1, 2`,
    );
    expect(other.rows.map((row) => row.data_type)).toEqual(["date", "jsonb", "timestamp without time zone"]);
    expect(rows.at(-1)).toEqual({ name: "_rw_timestamp", data_type: "timestamp with time zone", is_hidden: true, is_primary_key: false });
  });
});
