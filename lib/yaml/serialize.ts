import { stringify } from "yaml";
import type { FeatureGroupDefinition } from "../schemas/feature-group";

/**
 * A definition as YAML in the seed's layout and key order. Defaults (empty tags and descriptions,
 * status active) are left out; parsing the output gives back the same definition.
 */
export function definitionToYaml(definition: FeatureGroupDefinition): string {
  const ordered = {
    name: definition.name,
    ...(definition.description ? { description: definition.description } : {}),
    owner: definition.owner,
    ...(definition.team ? { team: definition.team } : {}),
    ...(definition.tags.length > 0 ? { tags: definition.tags } : {}),
    ...(definition.entity ? { entity: { name: definition.entity.name, keys: definition.entity.keys } } : {}),
    freshness_sla_seconds: definition.freshness_sla_seconds,
    materialized_view: definition.materialized_view,
    ...(definition.versions?.length ? { versions: definition.versions } : {}),
    ...(definition.timestamp_column ? { timestamp_column: definition.timestamp_column } : {}),
    ...(definition.redis ? { redis: definition.redis } : {}),
    ...(definition.snapshot ? { snapshot: definition.snapshot } : {}),
    ...(definition.drift ? { drift: definition.drift } : {}),
    ...(definition.status !== "active" ? { status: definition.status } : {}),
    features: definition.features.map((feature) => ({
      name: feature.name,
      dtype: feature.dtype,
      ...(feature.description ? { description: feature.description } : {}),
    })),
  };
  return stringify(ordered, { lineWidth: 0, flowCollectionPadding: false });
}

/** Many definitions as one multi-document YAML stream. */
export function definitionsToYaml(definitions: FeatureGroupDefinition[]): string {
  return definitions.map(definitionToYaml).join("---\n");
}
