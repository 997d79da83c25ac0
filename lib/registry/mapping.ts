import { Prisma } from "@/generated/prisma/client";
import type { DriftThresholds } from "../drift/thresholds";
import type { FeatureGroupDefinition, GroupStatus } from "../schemas/feature-group";

/** A registry row with its relations, as loaded by lib/registry/groups.ts. */
export type StoredGroup = {
  name: string;
  description: string;
  owner: string;
  team: string | null;
  tags: string[];
  entity: { name: string; keyColumns: string[] } | null;
  freshnessSlaSeconds: number;
  materializedView: string;
  timestampColumn: string | null;
  redisKeyTemplate: string | null;
  redisValueKind: "json" | "template" | "hash" | null;
  redisTtlSeconds: number | null;
  snapshotPath: string | null;
  driftThresholds: unknown;
  versionViews: string[];
  status: GroupStatus;
  features: { name: string; dtype: string; description: string; position: number }[];
};

/** Registry row → definition, the inverse of the write path (keeps YAML round trips lossless). */
export function toDefinition(group: StoredGroup): FeatureGroupDefinition {
  return {
    name: group.name,
    description: group.description,
    owner: group.owner,
    ...(group.team ? { team: group.team } : {}),
    tags: group.tags,
    ...(group.entity ? { entity: { name: group.entity.name, keys: group.entity.keyColumns } } : {}),
    freshness_sla_seconds: group.freshnessSlaSeconds,
    materialized_view: group.materializedView,
    ...(group.versionViews.length > 0 ? { versions: group.versionViews } : {}),
    ...(group.timestampColumn ? { timestamp_column: group.timestampColumn } : {}),
    ...(group.redisValueKind
      ? {
          redis: {
            kind: group.redisValueKind,
            ...(group.redisKeyTemplate ? { key_template: group.redisKeyTemplate } : {}),
            ...(group.redisTtlSeconds ? { ttl_seconds: group.redisTtlSeconds } : {}),
          },
        }
      : {}),
    ...(group.snapshotPath ? { snapshot: { path: group.snapshotPath } } : {}),
    ...(group.driftThresholds && group.driftThresholds !== Prisma.DbNull ? { drift: group.driftThresholds as DriftThresholds } : {}),
    status: group.status,
    features: [...group.features]
      .sort((a, b) => a.position - b.position)
      .map((feature) => ({
        name: feature.name,
        dtype: feature.dtype as FeatureGroupDefinition["features"][number]["dtype"],
        description: feature.description,
      })),
  };
}

/** The scalar columns of a feature group row for a definition (entity and features are written apart). */
export function groupColumns(definition: FeatureGroupDefinition) {
  return {
    description: definition.description,
    owner: definition.owner,
    team: definition.team ?? null,
    tags: definition.tags,
    freshnessSlaSeconds: definition.freshness_sla_seconds,
    materializedView: definition.materialized_view,
    versionViews: definition.versions ?? [],
    timestampColumn: definition.timestamp_column ?? null,
    redisValueKind: definition.redis?.kind ?? null,
    redisKeyTemplate: definition.redis?.key_template ?? null,
    redisTtlSeconds: definition.redis?.ttl_seconds ?? null,
    snapshotPath: definition.snapshot?.path ?? null,
    // Prisma writes SQL NULL into a JSON column only when told so (Prisma.DbNull), a plain null it refuses.
    driftThresholds: (definition.drift ?? Prisma.DbNull) as DriftThresholds | typeof Prisma.DbNull,
    status: definition.status,
  };
}
