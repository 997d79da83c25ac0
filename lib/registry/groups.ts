import "server-only";
import { isDeepStrictEqual } from "node:util";
import { getPrisma } from "../db";
import type { FeatureGroupDefinition } from "../schemas/feature-group";
import { groupColumns, toDefinition } from "./mapping";

const GROUP_INCLUDE = { entity: true, features: true } as const;

export type SaveOutcome = "created" | "updated" | "unchanged";

/**
 * Creates or replaces one group from its definition in a single transaction, with an audit event.
 * Used by the seed and YAML import; the unchanged case writes nothing.
 */
export async function upsertDefinition(definition: FeatureGroupDefinition, actor: string): Promise<SaveOutcome> {
  return getPrisma().$transaction(async (tx) => {
    const existing = await tx.featureGroup.findUnique({ where: { name: definition.name }, include: GROUP_INCLUDE });
    const before = existing ? toDefinition(existing) : null;
    if (before && isDeepStrictEqual(before, definition)) return "unchanged";

    const entity = definition.entity
      ? await tx.entity.upsert({
          where: { name: definition.entity.name },
          create: { name: definition.entity.name, keyColumns: definition.entity.keys },
          update: { keyColumns: definition.entity.keys },
        })
      : null;
    const features = definition.features.map((feature, position) => ({ ...feature, position }));
    const columns = { ...groupColumns(definition), entityId: entity?.id ?? null };

    if (existing) {
      await tx.feature.deleteMany({ where: { groupId: existing.id } });
      await tx.featureGroup.update({
        where: { id: existing.id },
        data: { ...columns, version: { increment: 1 }, features: { create: features } },
      });
    } else {
      await tx.featureGroup.create({ data: { name: definition.name, ...columns, features: { create: features } } });
    }
    await tx.auditEvent.create({
      data: { actor, action: existing ? "update" : "create", groupName: definition.name, before: before ?? undefined, after: definition },
    });
    return existing ? "updated" : "created";
  });
}
