import { isDeepStrictEqual } from "node:util";
import type { FeatureGroupDefinition } from "../schemas/feature-group";

export type FieldChange = { field: string; before: unknown; after: unknown };
export type FeatureChange = { name: string; changes: FieldChange[] };
export type ChangePlan = {
  kind: "create" | "update" | "unchanged";
  name: string;
  fields: FieldChange[];
  features: { added: string[]; removed: string[]; changed: FeatureChange[]; reordered: boolean };
};

const GROUP_FIELDS = [
  "description",
  "owner",
  "team",
  "tags",
  "entity",
  "freshness_sla_seconds",
  "materialized_view",
  "timestamp_column",
  "redis",
  "snapshot",
  "status",
] as const;

/** Exactly what saving `after` over `before` changes: shown to owners before they confirm. Pure. */
export function planChange(before: FeatureGroupDefinition | null, after: FeatureGroupDefinition): ChangePlan {
  const fields: FieldChange[] = [];
  for (const field of GROUP_FIELDS) {
    const previous = before ? before[field] : undefined;
    if (!isDeepStrictEqual(previous, after[field])) fields.push({ field, before: previous, after: after[field] });
  }
  const beforeFeatures = new Map((before?.features ?? []).map((feature) => [feature.name, feature]));
  const afterFeatures = new Map(after.features.map((feature) => [feature.name, feature]));
  const added = after.features.filter((feature) => !beforeFeatures.has(feature.name)).map((feature) => feature.name);
  const removed = (before?.features ?? []).filter((feature) => !afterFeatures.has(feature.name)).map((feature) => feature.name);
  const changed: FeatureChange[] = [];
  for (const feature of after.features) {
    const previous = beforeFeatures.get(feature.name);
    if (!previous) continue;
    const changes = (["dtype", "description"] as const)
      .filter((key) => previous[key] !== feature[key])
      .map((key) => ({ field: key, before: previous[key], after: feature[key] }));
    if (changes.length > 0) changed.push({ name: feature.name, changes });
  }
  const kept = (list: FeatureGroupDefinition["features"], other: Map<string, unknown>) =>
    list.map((f) => f.name).filter((name) => other.has(name));
  const reordered = !!before && !isDeepStrictEqual(kept(before.features, afterFeatures), kept(after.features, beforeFeatures));
  const nothing = fields.length === 0 && added.length === 0 && removed.length === 0 && changed.length === 0 && !reordered;
  return {
    kind: !before ? "create" : nothing ? "unchanged" : "update",
    name: after.name,
    fields,
    features: { added, removed, changed, reordered },
  };
}
