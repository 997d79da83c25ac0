// What a dbt project adds to the lineage graph: its sources as upstream nodes of the RisingWave
// relations they describe, its models' depends_on edges, each marked as coming from dbt. Pure.
import { relationNodeId, type LineageEdge, type LineageGraph, type LineageNode } from "../lineage/graph";
import type { DbtManifest } from "./manifest";

export type DbtLineageSource = {
  uniqueId: string;
  name: string;
  sourceName: string;
  schema: string;
  relation: string;
  description: string;
};
export type DbtLineageModel = {
  uniqueId: string;
  name: string;
  schema: string;
  relation: string;
  description: string;
  dependsOn: string[];
};
/** Stored per project at import (DbtProject.lineage). */
export type DbtLineage = { sources: DbtLineageSource[]; models: DbtLineageModel[] };
export type DbtProjectLineage = DbtLineage & { project: string };

/** The part of a manifest the lineage graph needs, in a stable order (a re-import of the same manifest stores the same). */
export function lineageOfManifest(manifest: DbtManifest): DbtLineage {
  return {
    sources: manifest.sources
      .map((source) => ({
        uniqueId: source.unique_id,
        name: source.name,
        sourceName: source.source_name,
        schema: source.schema,
        relation: source.identifier || source.name,
        description: source.description || source.source_description || "",
      }))
      .sort((a, b) => a.uniqueId.localeCompare(b.uniqueId)),
    models: manifest.models
      .map((model) => ({
        uniqueId: model.unique_id,
        name: model.name,
        schema: model.schema,
        relation: model.alias || model.name,
        description: model.description ?? "",
        dependsOn: [...(model.depends_on?.nodes ?? [])].sort(),
      }))
      .sort((a, b) => a.uniqueId.localeCompare(b.uniqueId)),
  };
}

/** dbt docs' page of a node: <docs>/#!/source/source.p.s.t or #!/model/model.p.m. */
export function dbtDocsUrl(docsUrl: string | undefined, uniqueId: string): string | undefined {
  if (!docsUrl) return undefined;
  const kind = uniqueId.split(".")[0];
  return `${docsUrl.replace(/\/+$/, "")}/#!/${kind}/${encodeURIComponent(uniqueId)}`;
}

/**
 * Merges dbt projects into a RisingWave lineage graph: a node per dbt source that describes a relation
 * of the graph (matched by schema and name), with an edge to it; relations built by a dbt model carry
 * its unique_id and description; a model's depends_on edge between two relations of the graph that
 * RisingWave's own edges do not already draw is added, marked dbt. Unmatched dbt nodes are left out.
 */
export function mergeDbtLineage(graph: LineageGraph, projects: DbtProjectLineage[], docsUrl?: string): LineageGraph {
  const nodes = new Map(graph.nodes.map((node) => [node.id, { ...node }]));
  const edges: LineageEdge[] = [...graph.edges];
  const drawn = new Set(edges.map((edge) => `${edge.from}\u0000${edge.to}`));
  const addEdge = (edge: LineageEdge) => {
    const key = `${edge.from}\u0000${edge.to}`;
    if (drawn.has(key)) return;
    drawn.add(key);
    edges.push(edge);
  };
  for (const project of projects) {
    const relationOf = new Map<string, string>(); // dbt unique_id → graph node id
    for (const model of project.models) {
      const id = relationNodeId({ schema: model.schema, name: model.relation });
      const node = nodes.get(id);
      if (!node) continue;
      relationOf.set(model.uniqueId, id);
      node.dbt = {
        uniqueId: model.uniqueId,
        project: project.project,
        description: model.description,
        docsUrl: dbtDocsUrl(docsUrl, model.uniqueId),
      };
    }
    for (const source of project.sources) {
      const target = relationNodeId({ schema: source.schema, name: source.relation });
      if (!nodes.has(target)) continue;
      const id = `dbt:${source.uniqueId}`;
      const node: LineageNode = {
        id,
        name: `${source.sourceName}.${source.name}`,
        kind: "dbt_source",
        dbt: {
          uniqueId: source.uniqueId,
          project: project.project,
          description: source.description,
          docsUrl: dbtDocsUrl(docsUrl, source.uniqueId),
        },
      };
      nodes.set(id, node);
      relationOf.set(source.uniqueId, id);
      addEdge({ from: id, to: target, dbt: true });
    }
    for (const model of project.models) {
      const to = relationOf.get(model.uniqueId);
      if (!to) continue;
      for (const upstream of model.dependsOn) {
        const from = relationOf.get(upstream);
        // A source's edge goes to the relation it describes; from there RisingWave's edges lead on.
        if (from && !from.startsWith("dbt:")) addEdge({ from, to, dbt: true });
      }
    }
  }
  return { nodes: [...nodes.values()], edges };
}
