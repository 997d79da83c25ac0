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
      expect(actual.get(relation), relation).toEqual(parse(spec));
    }
  });

  it("has rw_epoch_to_ts with RisingWave's encoding", async () => {
    const { rows } = await emulator.pool.query("SELECT rw_epoch_to_ts(7763027558400000) AS ts");
    expect((rows[0] as { ts: Date }).ts.toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });

  it("spells values as RisingWave does", async () => {
    const db = emulator.pool;
    const sources = await db.query("SELECT name, connector, connector_props FROM rw_catalog.rw_sources ORDER BY id");
    expect(sources.rows.map((row) => row.connector)).toEqual(["KAFKA", "POSTGRES-CDC"]);
    expect(sources.rows[0].connector_props.topic).toEqual({ type: "plaintext", value: "user_events" });
    const sinks = await db.query("SELECT name, connector, sink_type FROM rw_catalog.rw_sinks ORDER BY id");
    expect(sinks.rows).toEqual([
      { name: "user_features_to_redis", connector: "REDIS", sink_type: "SINK_TYPE_UPSERT" },
      { name: "order_value_features_to_redis", connector: "REDIS", sink_type: "SINK_TYPE_UPSERT" },
      { name: "user_features_daily_snapshot", connector: "S3", sink_type: "SINK_TYPE_APPEND_ONLY" },
    ]);
    const mvs = await db.query("SELECT DISTINCT status FROM rw_catalog.rw_materialized_views");
    expect(mvs.rows).toEqual([{ status: "Created" }]);
    const workers = await db.query("SELECT type FROM rw_catalog.rw_worker_nodes ORDER BY id");
    expect(workers.rows.map((row) => row.type)).toContain("WORKER_TYPE_COMPUTE_NODE");
    const definitions = await db.query("SELECT relation_type, definition FROM rw_catalog.rw_relations");
    for (const row of definitions.rows) expect(row.definition).toMatch(/^CREATE (SOURCE|TABLE|MATERIALIZED VIEW|SINK) /);
  });

  it("keeps object ids unique across kinds and lineage edges upstream → downstream", async () => {
    const { rows } = await emulator.pool.query(
      `SELECT up.name AS upstream, down.name AS downstream FROM rw_catalog.rw_depend AS d
       JOIN rw_catalog.rw_relations AS up ON up.id = d.refobjid JOIN rw_catalog.rw_relations AS down ON down.id = d.objid`,
    );
    const edges = rows.map((row) => `${row.upstream} → ${row.downstream}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        "user_events → user_features_1h", "user_events → user_item_affinity", "item_catalog → user_item_affinity",
        "orders_cdc → order_value_features", "user_features_1h → user_features_to_redis",
        "user_features_1h → user_features_daily_snapshot", "order_value_features → order_value_features_to_redis",
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
    expect(rows.find((row) => row.name === "total_spend_1h")?.data_type).toBe("numeric");
    expect(rows.find((row) => row.name === "last_event_ts")?.data_type).toBe("timestamp with time zone");
    expect(rows.at(-1)).toEqual({ name: "_rw_timestamp", data_type: "timestamp with time zone", is_hidden: true, is_primary_key: false });
  });
});
