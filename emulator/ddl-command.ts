// `npm run emulator -- sql "<statements>"`: checks the checklist's DDL against the emulated catalog as
// RisingWave's frontend would (names taken, relations missing, dependents left) and queues it for
// the running emulator, which runs it at the next barrier, in order.
import type { Pool } from "pg";
import { parseDdl, splitStatements, type DdlStatement } from "./ddl";
import { setFault } from "./faults";

type CatalogRow = { id: number; name: string; schema: string; relation_type: string; status: string | null };

const describe = (statement: DdlStatement) =>
  statement.kind === "create sink" ? `CREATE SINK ${statement.name}` : `DROP ${statement.relationType.toUpperCase()} ${statement.name}`;

/** Every statement checked first (the script as a whole or nothing); returns what was queued. */
export async function queueDdl(pool: Pool, script: string): Promise<string[]> {
  const texts = splitStatements(script);
  const statements = texts.map(parseDdl);
  if (statements.length === 0) throw new Error("no statement given");
  const { rows: relations } = await pool.query<CatalogRow>(
    `SELECT r.id, r.name, s.name AS schema, r.relation_type, m.status
     FROM rw_catalog.rw_relations AS r JOIN rw_catalog.rw_schemas AS s ON s.id = r.schema_id
     LEFT JOIN rw_catalog.rw_materialized_views AS m ON m.id = r.id`,
  );
  const { rows: edges } = await pool.query<{ objid: number; refobjid: number }>("SELECT objid, refobjid FROM rw_catalog.rw_depend");
  const live = new Map(relations.map((relation) => [`${relation.schema}.${relation.name}`, relation]));
  const gone = new Set<number>();
  for (const statement of statements) {
    const key = `${statement.schema}.${statement.name}`;
    const existing = live.get(key);
    if (statement.kind === "create sink") {
      if (existing) throw new Error(`${describe(statement)}: ${existing.relation_type} ${key} already exists`);
      const from = live.get(`${statement.fromSchema}.${statement.from}`);
      if (!from || from.relation_type !== "materialized view")
        throw new Error(`${describe(statement)}: materialized view ${statement.fromSchema}.${statement.from} not found`);
      live.set(key, { id: -1, name: statement.name, schema: statement.schema, relation_type: "sink", status: null });
      continue;
    }
    if (!existing || existing.relation_type !== statement.relationType) {
      if (statement.ifExists) continue;
      throw new Error(`${describe(statement)}: ${statement.relationType} ${key} not found`);
    }
    if (existing.status === "Creating")
      throw new Error(`${describe(statement)}: it is still backfilling (the emulator cannot cancel a backfill; wait until it is created)`);
    const dependents = edges
      .filter((edge) => edge.refobjid === existing.id && !gone.has(edge.objid))
      .map((edge) => relations.find((relation) => relation.id === edge.objid))
      .filter((relation): relation is CatalogRow => relation !== undefined);
    if (dependents.length > 0)
      throw new Error(
        `${describe(statement)}: ${dependents.map((d) => `${d.relation_type} ${d.name}`).join(", ")} ${dependents.length === 1 ? "depends" : "depend"} on it; drop ${dependents.length === 1 ? "it" : "them"} first (CASCADE is not run by the emulator)`,
      );
    gone.add(existing.id);
    live.delete(key);
  }
  // One fault row per statement, each its own transaction: created_at orders them.
  for (const [index, statement] of statements.entries()) {
    await setFault(pool, "ddl", `${statement.schema}.${statement.name}`, { sql: texts[index] });
  }
  return statements.map(describe);
}
