import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "../db";
import { AppError, notFound, staleVersion } from "../errors";
import type { FeatureGroupDefinition } from "../schemas/feature-group";
import { groupColumns, toDefinition } from "./mapping";

const GROUP_INCLUDE = { entity: true, features: true } as const;
type Tx = Prisma.TransactionClient;

export type StoredDefinition = { definition: FeatureGroupDefinition; version: number; createdAt: Date; updatedAt: Date };
export type SaveOutcome = "created" | "updated" | "unchanged";

async function upsertEntity(tx: Tx, definition: FeatureGroupDefinition) {
  if (!definition.entity) return null;
  const { name, keys } = definition.entity;
  return tx.entity.upsert({ where: { name }, create: { name, keyColumns: keys }, update: { keyColumns: keys } });
}

const featureRows = (definition: FeatureGroupDefinition) => definition.features.map((feature, position) => ({ ...feature, position }));

async function audit(tx: Tx, actor: string, action: string, name: string, before: FeatureGroupDefinition | null, after: FeatureGroupDefinition | null) {
  await tx.auditEvent.create({ data: { actor, action, groupName: name, before: before ?? undefined, after: after ?? undefined } });
}

async function insertGroup(tx: Tx, definition: FeatureGroupDefinition, actor: string) {
  const entity = await upsertEntity(tx, definition);
  await tx.featureGroup.create({
    data: { name: definition.name, ...groupColumns(definition), entityId: entity?.id ?? null, features: { create: featureRows(definition) } },
  });
  await audit(tx, actor, "create", definition.name, null, definition);
}

/** Rewrites a group's row and features, only if it is still at `expectedVersion`. */
async function replaceGroup(tx: Tx, id: string, expectedVersion: number, before: FeatureGroupDefinition, definition: FeatureGroupDefinition, actor: string) {
  const entity = await upsertEntity(tx, definition);
  // The version check and the row lock happen in one statement: a concurrent writer waits, then misses.
  const { count } = await tx.featureGroup.updateMany({
    where: { id, version: expectedVersion },
    data: { ...groupColumns(definition), entityId: entity?.id ?? null, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await tx.featureGroup.findUnique({ where: { id }, select: { version: true } });
    if (!current) throw notFound(`feature group ${definition.name}`);
    throw staleVersion(definition.name, expectedVersion, current.version);
  }
  await tx.feature.deleteMany({ where: { groupId: id } });
  await tx.feature.createMany({ data: featureRows(definition).map((feature) => ({ ...feature, groupId: id })) });
  await audit(tx, actor, before.status !== "deprecated" && definition.status === "deprecated" ? "deprecate" : "update", definition.name, before, definition);
}

export async function getGroup(name: string): Promise<StoredDefinition | null> {
  const group = await getPrisma().featureGroup.findUnique({ where: { name }, include: GROUP_INCLUDE });
  return group ? { definition: toDefinition(group), version: group.version, createdAt: group.createdAt, updatedAt: group.updatedAt } : null;
}

/** Several groups by name in one query (import plans, the CLI). */
export async function getGroups(names: string[]): Promise<Map<string, StoredDefinition>> {
  const groups = await getPrisma().featureGroup.findMany({ where: { name: { in: names } }, include: GROUP_INCLUDE });
  return new Map(groups.map((group) => [group.name, { definition: toDefinition(group), version: group.version, createdAt: group.createdAt, updatedAt: group.updatedAt }]));
}

export async function listAllDefinitions(): Promise<FeatureGroupDefinition[]> {
  const groups = await getPrisma().featureGroup.findMany({ include: GROUP_INCLUDE, orderBy: { name: "asc" } });
  return groups.map(toDefinition);
}

export async function createGroup(definition: FeatureGroupDefinition, actor: string): Promise<StoredDefinition> {
  await getPrisma().$transaction(async (tx) => {
    if (await tx.featureGroup.findUnique({ where: { name: definition.name }, select: { id: true } })) {
      throw new AppError(409, `a feature group named ${definition.name} already exists`, [{ path: "name", message: "already taken" }]);
    }
    await insertGroup(tx, definition, actor);
  });
  return (await getGroup(definition.name)) as StoredDefinition;
}

/** Saves an edit made against `expectedVersion`; a stale version is a 409 and writes nothing. */
export async function updateGroup(name: string, definition: FeatureGroupDefinition, expectedVersion: number, actor: string): Promise<StoredDefinition> {
  if (definition.name !== name) throw new AppError(422, "a feature group cannot be renamed", [{ path: "name", message: `must stay ${name}` }]);
  await getPrisma().$transaction(async (tx) => {
    const existing = await tx.featureGroup.findUnique({ where: { name }, include: GROUP_INCLUDE });
    if (!existing) throw notFound(`feature group ${name}`);
    if (existing.version !== expectedVersion) throw staleVersion(name, expectedVersion, existing.version);
    await replaceGroup(tx, existing.id, expectedVersion, toDefinition(existing), definition, actor);
  });
  return (await getGroup(name)) as StoredDefinition;
}

export async function deleteGroup(name: string, expectedVersion: number | null, actor: string): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const existing = await tx.featureGroup.findUnique({ where: { name }, include: GROUP_INCLUDE });
    if (!existing) throw notFound(`feature group ${name}`);
    if (expectedVersion !== null && existing.version !== expectedVersion) throw staleVersion(name, expectedVersion, existing.version);
    const { count } = await tx.featureGroup.deleteMany({ where: { id: existing.id, version: existing.version } });
    if (count === 0) throw staleVersion(name, existing.version, existing.version + 1);
    await audit(tx, actor, "delete", name, toDefinition(existing), null);
  });
}

/** Declarative write (seed, YAML import): create or replace whatever is stored; unchanged writes nothing. */
export async function upsertDefinition(definition: FeatureGroupDefinition, actor: string, tx?: Tx): Promise<SaveOutcome> {
  const run = async (client: Tx): Promise<SaveOutcome> => {
    const existing = await client.featureGroup.findUnique({ where: { name: definition.name }, include: GROUP_INCLUDE });
    if (!existing) {
      await insertGroup(client, definition, actor);
      return "created";
    }
    const before = toDefinition(existing);
    if (isDeepStrictEqual(before, definition)) return "unchanged";
    await replaceGroup(client, existing.id, existing.version, before, definition, actor);
    return "updated";
  };
  return tx ? run(tx) : getPrisma().$transaction(run);
}

/** Runs several declarative writes atomically: all land or none. */
export async function upsertDefinitions(definitions: FeatureGroupDefinition[], actor: string): Promise<Record<SaveOutcome, string[]>> {
  return getPrisma().$transaction(
    async (tx) => {
      const outcome: Record<SaveOutcome, string[]> = { created: [], updated: [], unchanged: [] };
      for (const definition of definitions) outcome[await upsertDefinition(definition, actor, tx)].push(definition.name);
      return outcome;
    },
    { timeout: 60_000 },
  );
}

export type AuditEntry = { id: string; actor: string; action: string; createdAt: Date; before: FeatureGroupDefinition | null; after: FeatureGroupDefinition | null };

export async function listAudit(name: string, limit = 50): Promise<AuditEntry[]> {
  const events = await getPrisma().auditEvent.findMany({ where: { groupName: name }, orderBy: { createdAt: "desc" }, take: limit });
  return events.map((event) => ({
    id: event.id, actor: event.actor, action: event.action, createdAt: event.createdAt,
    before: (event.before as FeatureGroupDefinition | null) ?? null, after: (event.after as FeatureGroupDefinition | null) ?? null,
  }));
}
