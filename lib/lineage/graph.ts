import type { FreshnessStatus } from "../observability/classify";
import type { CatalogRelation, ConnectorProp, LineageCatalog } from "../risingwave/lineage";
import { maskUrlCredentials } from "./mask";

export const LINEAGE_KINDS = ["external", "dbt_source", "source", "table", "materialized_view", "view", "sink"] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

export type LineageGroup = { name: string; owner: string; team: string | null; slaSeconds: number };

export type LineageNode = {
  /** The relation's name (schema-qualified outside `public`), or `<system>:<endpoint>` for an external system. */
  id: string;
  name: string;
  kind: LineageKind;
  relationId?: number;
  connector?: string;
  /** External systems: kafka, redis, s3, postgres, mysql, … */
  system?: string;
  group?: LineageGroup;
  status?: FreshnessStatus;
  /** 'Creating' while an MV backfills. */
  mvStatus?: string;
  /** A sink failing now: since when, and its last error (credentials masked). */
  failure?: SinkFailureSummary;
  /** A dbt source, or the dbt model that builds this relation (lib/dbt/lineage.ts). */
  dbt?: DbtNodeInfo;
};

export type DbtNodeInfo = { uniqueId: string; project: string; description: string; docsUrl?: string };

export type SinkFailureSummary = { since: string; error: string };

/** `dbt`: drawn from a dbt manifest (a source's relation, a model's depends_on), not from rw_depend. */
export type LineageEdge = { from: string; to: string; dbt?: boolean };
export type LineageGraph = { nodes: LineageNode[]; edges: LineageEdge[] };

export type RegisteredLineageGroup = LineageGroup & { materializedView: string };

const KIND: Record<Exclude<CatalogRelation["kind"], "index">, LineageKind> = {
  source: "source",
  table: "table",
  "materialized view": "materialized_view",
  view: "view",
  sink: "sink",
};

const plaintext = (props: Record<string, ConnectorProp> | null, key: string): string | null => {
  const prop = props?.[key];
  return prop && prop.type === "plaintext" && prop.value !== null && prop.value !== undefined && String(prop.value) !== ""
    ? String(prop.value)
    : null;
};

/** The system a source reads from or a sink writes to, from its WITH options (contract §1.6). */
export function externalEndpoint(
  relation: Pick<CatalogRelation, "kind" | "connector" | "connectorProps">,
): { system: string; name: string } | null {
  const props = relation.connectorProps;
  const connector = (relation.connector ?? plaintext(props, "connector") ?? "").toLowerCase();
  if (connector === "kafka") {
    const topic = plaintext(props, "topic");
    return topic ? { system: "kafka", name: topic } : null;
  }
  if (connector === "redis") {
    const url = plaintext(props, "redis.url");
    return url ? { system: "redis", name: maskUrlCredentials(url) } : null;
  }
  if (connector === "s3" || connector === "s3_v2") {
    const bucket = plaintext(props, "s3.bucket_name");
    return bucket ? { system: "s3", name: `s3://${bucket}/${(plaintext(props, "s3.path") ?? "").replace(/^\/+/, "")}` } : null;
  }
  if (connector.endsWith("-cdc")) {
    const host = plaintext(props, "hostname");
    const table = [plaintext(props, "database.name"), plaintext(props, "schema.name"), plaintext(props, "table.name")]
      .filter(Boolean)
      .join(".");
    return host ? { system: connector.replace(/-cdc$/, ""), name: `${host}/${table}` } : null;
  }
  return null;
}

/** A relation's node id: its name, schema-qualified outside `public`. */
export const relationNodeId = (relation: { schema?: string | null; name: string }) =>
  relation.schema && relation.schema !== "public" ? `${relation.schema}.${relation.name}` : relation.name;

/**
 * The lineage graph from RisingWave's catalog and the registry. Edges run upstream → downstream
 * (rw_depend: refobjid → objid). Indexes fold into their table, a connector table's hidden source
 * into the table, and external systems become nodes of their own.
 */
export function buildLineageGraph(
  catalog: LineageCatalog,
  groups: RegisteredLineageGroup[],
  statuses: Map<string, FreshnessStatus>,
  failingSinks: Map<number, SinkFailureSummary> = new Map(),
): LineageGraph {
  const byId = new Map(catalog.relations.map((relation) => [relation.id, relation]));
  const groupByMv = new Map<string, RegisteredLineageGroup>();
  for (const group of groups) if (!groupByMv.has(group.materializedView)) groupByMv.set(group.materializedView, group);

  // Where each relation id lands in the drawn graph.
  const target = new Map<number, number>();
  for (const relation of catalog.relations) {
    if (relation.kind === "source" && relation.associatedTableId !== null && byId.has(relation.associatedTableId))
      target.set(relation.id, relation.associatedTableId);
  }
  for (const edge of catalog.depends) {
    const dependent = byId.get(edge.downstream);
    if (dependent?.kind === "index" && byId.has(edge.upstream)) target.set(dependent.id, edge.upstream);
  }
  const resolve = (id: number) => target.get(id) ?? id;

  const nodes = new Map<string, LineageNode>();
  const edges = new Map<string, LineageEdge>();
  const addEdge = (from: string, to: string) => {
    if (from !== to) edges.set(`${from}\u0000${to}`, { from, to });
  };
  const addExternal = (relation: CatalogRelation, nodeId: string) => {
    const endpoint = externalEndpoint(relation);
    if (!endpoint) return;
    const id = `${endpoint.system}:${endpoint.name}`;
    if (!nodes.has(id)) nodes.set(id, { id, name: endpoint.name, kind: "external", system: endpoint.system });
    if (relation.kind === "sink") addEdge(nodeId, id);
    else addEdge(id, nodeId);
  };

  for (const relation of catalog.relations) {
    if (relation.kind === "index" || target.has(relation.id)) continue;
    const id = relationNodeId(relation);
    const group = relation.kind === "materialized view" ? groupByMv.get(relation.name) : undefined;
    const failure = relation.kind === "sink" ? failingSinks.get(relation.id) : undefined;
    // A failing sink is drawn like a group serving stale values: what reads it is going stale.
    const status = group ? statuses.get(group.name) : failure ? "degraded" : undefined;
    nodes.set(id, {
      id,
      name: relation.name,
      kind: KIND[relation.kind],
      relationId: relation.id,
      ...(relation.connector ? { connector: relation.connector } : {}),
      ...(group ? { group: { name: group.name, owner: group.owner, team: group.team, slaSeconds: group.slaSeconds } } : {}),
      ...(status ? { status } : {}),
      ...(relation.mvStatus ? { mvStatus: relation.mvStatus } : {}),
      ...(failure ? { failure } : {}),
    });
  }
  // A connector table shows the system behind its hidden source.
  for (const relation of catalog.relations) {
    const landed = byId.get(resolve(relation.id));
    if (landed && relation.kind !== "index" && (relation.kind === "source" || relation.kind === "sink"))
      addExternal(relation, relationNodeId(landed));
  }
  const nodeOfId = (id: number) => {
    const relation = byId.get(resolve(id));
    return relation && relation.kind !== "index" ? nodes.get(relationNodeId(relation)) : undefined;
  };
  for (const edge of catalog.depends) {
    const from = nodeOfId(edge.upstream);
    const to = nodeOfId(edge.downstream);
    if (from && to) addEdge(from.id, to.id);
  }
  // Sink-into-table: the target table is fed by the sink.
  for (const relation of catalog.relations) {
    if (relation.kind !== "sink" || !relation.targetTableName) continue;
    const table = catalog.relations.find(
      (candidate) => candidate.kind === "table" && candidate.name === relation.targetTableName && candidate.schema === relation.schema,
    );
    if (table) addEdge(relationNodeId(relation), relationNodeId(table));
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => LINEAGE_KINDS.indexOf(a.kind) - LINEAGE_KINDS.indexOf(b.kind) || a.id.localeCompare(b.id)),
    edges: [...edges.values()],
  };
}
