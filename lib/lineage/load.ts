import "server-only";
import { env } from "../env";
import { listPreviousStatuses } from "../registry/freshness-inputs";
import { listDbtLineage } from "../registry/dbt-projects";
import { listGroupOutlines } from "../registry/outlines";
import { mergeDbtLineage } from "../dbt/lineage";
import { notFound } from "../errors";
import { failingSinks } from "../observability/assess";
import { readSinkFailures } from "../risingwave/freshness";
import { readLineageCatalog, readRelationDefinition } from "../risingwave/lineage";
import { buildLineageGraph, type LineageGraph, type SinkFailureSummary } from "./graph";
import { maskConnectorProps, maskDefinition } from "./mask";
import { findNode, focusSubgraph } from "./traverse";

/** Sinks failing now, by relation id, as the freshness page judges them. */
async function failingSinksNow(now: number): Promise<Map<number, SinkFailureSummary>> {
  const failing = failingSinks(await readSinkFailures(), now);
  return new Map([...failing].map(([sinkId, failure]) => [sinkId, { since: failure.since.toISOString(), error: failure.error }]));
}

/**
 * The lineage graph: three RisingWave statements (relations, rw_depend, sink failures) and three registry
 * queries (groups, statuses, imported dbt projects, whose sources and models are merged in).
 * Colours are the collector's last statuses, not a fresh assessment, so drawing the graph costs
 * RisingWave nothing more; a status older than three collector cycles is left out (unknown).
 */
export async function loadLineageGraph(focus?: string): Promise<LineageGraph> {
  const [catalog, groups, statuses, failing, dbtProjects] = await Promise.all([
    readLineageCatalog(),
    listGroupOutlines(),
    listPreviousStatuses(Math.max(60, env.COLLECTOR_INTERVAL_SECONDS * 3)),
    failingSinksNow(Date.now()),
    listDbtLineage(),
  ]);
  const graph = mergeDbtLineage(
    buildLineageGraph(
      catalog,
      groups.map(({ name, owner, team, slaSeconds, materializedView }) => ({ name, owner, team, slaSeconds, materializedView })),
      statuses,
      failing,
    ),
    dbtProjects,
    env.DBT_DOCS_URL,
  );
  if (!focus) return graph;
  const node = findNode(graph, focus);
  if (!node) throw notFound(`Relation ${focus}`);
  return focusSubgraph(graph, node.id);
}

export type RelationDetail = { definition: string; options: [string, string][] };

/** A relation's CREATE statement and WITH options, credentials masked (the side panel). */
export async function loadRelationDetail(relationId: number): Promise<RelationDetail> {
  const relation = await readRelationDefinition(relationId);
  if (!relation) throw notFound(`Relation ${relationId}`);
  return { definition: maskDefinition(relation.definition), options: maskConnectorProps(relation.connectorProps) };
}
