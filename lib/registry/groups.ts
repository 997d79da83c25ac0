import "server-only";
import { isDeepStrictEqual } from "node:util";
import type { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "../db";
import { shapesOverlap, templatePieces } from "../entity-keys/shapes";
import { AppError, notFound, staleVersion } from "../errors";
import { isSnakeCaseName, type FeatureGroupDefinition } from "../schemas/feature-group";
import { groupColumns, toDefinition } from "./mapping";
import type { Origin } from "./origin";

const GROUP_INCLUDE = { entity: true, features: true } as const;
type Tx = Prisma.TransactionClient;

export type StoredDefinition = {
  definition: FeatureGroupDefinition;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Where the definition lives (the UI, a YAML file, a dbt model). */
  origin: Origin;
};
export type SaveOutcome = "created" | "updated" | "unchanged";

/**
 * Who writes, as the registry sees it: the audit log's name and which groups they may change. A
 * plain string is a trusted process (the seed, tests) that may change anything.
 */
export type RegistryWriter = { name: string; mayChange: (group: { owner: string; team?: string | null }) => boolean };
const asWriter = (writer: RegistryWriter | string): RegistryWriter =>
  typeof writer === "string" ? { name: writer, mayChange: () => true } : writer;

/**
 * The group's entity, created when new. Its key columns are shared by every group that uses it, so
 * they change only when the writer may change all those groups (an audit entry on each); otherwise
 * 409 naming the groups that would break.
 */
async function upsertEntity(tx: Tx, definition: FeatureGroupDefinition, writer: RegistryWriter) {
  if (!definition.entity) return null;
  const { name, keys } = definition.entity;
  const existing = await tx.entity.findUnique({
    where: { name },
    include: { groups: { select: { name: true, owner: true, team: true } } },
  });
  if (!existing) return tx.entity.create({ data: { name, keyColumns: keys } });
  if (isDeepStrictEqual(existing.keyColumns, keys)) return existing;
  const others = existing.groups.filter((group) => group.name !== definition.name);
  const refused = others.filter((group) => !writer.mayChange(group));
  if (refused.length > 0) {
    throw new AppError(
      409,
      `entity ${name} is keyed by (${existing.keyColumns.join(", ")}) and used by ${refused.map((group) => group.name).join(", ")}, which ${writer.name} may not change: use these keys or another entity name`,
      [
        {
          path: "entity.keys",
          message: `must stay ${existing.keyColumns.join(", ")} (shared with ${refused.map((group) => group.name).join(", ")})`,
        },
      ],
    );
  }
  for (const group of others) {
    await tx.auditEvent.create({
      data: {
        actor: writer.name,
        action: "entity-keys",
        groupName: group.name,
        before: { entity: name, keys: existing.keyColumns },
        after: { entity: name, keys },
      },
    });
  }
  return tx.entity.update({ where: { id: existing.id }, data: { keyColumns: keys } });
}

/**
 * A serving cache writes (and expires) the keys its template renders: refuse a template that can
 * produce a key another group's cache template produces (409 naming the group).
 */
async function assertCacheKeysOwn(tx: Tx, definition: FeatureGroupDefinition) {
  const template = definition.redis?.kind === "hash" ? definition.redis.key_template : undefined;
  if (!template) return;
  const others = await tx.featureGroup.findMany({
    where: { name: { not: definition.name }, redisValueKind: "hash", redisKeyTemplate: { not: null } },
    select: { name: true, redisKeyTemplate: true },
  });
  const clash = others.find((other) => shapesOverlap(templatePieces(template), templatePieces(other.redisKeyTemplate ?? "")));
  if (clash) {
    throw new AppError(
      409,
      `the cache key template ${template} can produce keys of ${clash.name}'s cache (${clash.redisKeyTemplate}): give it a prefix of its own`,
      [{ path: "redis.key_template", message: `overlaps ${clash.name}'s ${clash.redisKeyTemplate}` }],
    );
  }
}

const featureRows = (definition: FeatureGroupDefinition) => definition.features.map((feature, position) => ({ ...feature, position }));

async function audit(
  tx: Tx,
  actor: RegistryWriter,
  action: string,
  name: string,
  before: FeatureGroupDefinition | null,
  after: FeatureGroupDefinition | null,
  context?: string,
) {
  await tx.auditEvent.create({
    data: { actor: actor.name, action, groupName: name, before: before ?? undefined, after: after ?? undefined, context: context ?? null },
  });
}

/** A declarative write's provenance: where the definition lives, and what its audit entry says it came with. */
export type WriteSource = { origin: Origin; context?: string };
const originColumns = (source: WriteSource | undefined) => (source ? { origin: source.origin.kind, originRef: source.origin.ref } : {});

async function insertGroup(tx: Tx, definition: FeatureGroupDefinition, actor: RegistryWriter, source?: WriteSource) {
  await assertCacheKeysOwn(tx, definition);
  const entity = await upsertEntity(tx, definition, actor);
  await tx.featureGroup.create({
    data: {
      name: definition.name,
      ...groupColumns(definition),
      ...originColumns(source),
      entityId: entity?.id ?? null,
      features: { create: featureRows(definition) },
    },
  });
  await audit(tx, actor, "create", definition.name, null, definition, source?.context);
}

/** Rewrites a group's row and features, only if it is still at `expectedVersion`. */
async function replaceGroup(
  tx: Tx,
  id: string,
  expectedVersion: number,
  before: FeatureGroupDefinition,
  definition: FeatureGroupDefinition,
  actor: RegistryWriter,
  source?: WriteSource,
) {
  await assertCacheKeysOwn(tx, definition);
  const entity = await upsertEntity(tx, definition, actor);
  // The version check and the row lock happen in one statement: a concurrent writer waits, then misses.
  const { count } = await tx.featureGroup.updateMany({
    where: { id, version: expectedVersion },
    data: { ...groupColumns(definition), ...originColumns(source), entityId: entity?.id ?? null, version: { increment: 1 } },
  });
  if (count === 0) {
    const current = await tx.featureGroup.findUnique({ where: { id }, select: { version: true } });
    if (!current) throw notFound(`feature group ${definition.name}`);
    throw staleVersion(definition.name, expectedVersion, current.version);
  }
  await tx.feature.deleteMany({ where: { groupId: id } });
  await tx.feature.createMany({ data: featureRows(definition).map((feature) => ({ ...feature, groupId: id })) });
  await audit(
    tx,
    actor,
    before.status !== "deprecated" && definition.status === "deprecated" ? "deprecate" : "update",
    definition.name,
    before,
    definition,
    source?.context,
  );
}

const ORIGIN_KINDS = new Set<string>(["ui", "yaml", "dbt"]);
const storedOf = (
  group: Parameters<typeof toDefinition>[0] & {
    version: number;
    createdAt: Date;
    updatedAt: Date;
    origin: string;
    originRef: string | null;
  },
): StoredDefinition => ({
  definition: toDefinition(group),
  version: group.version,
  createdAt: group.createdAt,
  updatedAt: group.updatedAt,
  origin: { kind: (ORIGIN_KINDS.has(group.origin) ? group.origin : "ui") as Origin["kind"], ref: group.originRef },
});

export async function getGroup(name: string): Promise<StoredDefinition | null> {
  // Anything but a snake_case name (a NUL byte PostgreSQL refuses, say) names no group.
  if (!isSnakeCaseName(name)) return null;
  const group = await getPrisma().featureGroup.findUnique({ where: { name }, include: GROUP_INCLUDE });
  return group ? storedOf(group) : null;
}

/** Several groups by name in one query (import plans, the CLI). */
export async function getGroups(names: string[]): Promise<Map<string, StoredDefinition>> {
  const groups = await getPrisma().featureGroup.findMany({
    where: { name: { in: names.filter(isSnakeCaseName) } },
    include: GROUP_INCLUDE,
  });
  return new Map(groups.map((group) => [group.name, storedOf(group)]));
}

export async function listAllDefinitions(): Promise<FeatureGroupDefinition[]> {
  const groups = await getPrisma().featureGroup.findMany({ include: GROUP_INCLUDE, orderBy: { name: "asc" } });
  return groups.map(toDefinition);
}

export async function createGroup(definition: FeatureGroupDefinition, writer: RegistryWriter | string): Promise<StoredDefinition> {
  const actor = asWriter(writer);
  await getPrisma().$transaction(async (tx) => {
    if (await tx.featureGroup.findUnique({ where: { name: definition.name }, select: { id: true } })) {
      throw new AppError(409, `a feature group named ${definition.name} already exists`, [{ path: "name", message: "already taken" }]);
    }
    await insertGroup(tx, definition, actor);
  });
  return (await getGroup(definition.name)) as StoredDefinition;
}

/** Saves an edit made against `expectedVersion`; a stale version is a 409 and writes nothing. */
export async function updateGroup(
  name: string,
  definition: FeatureGroupDefinition,
  expectedVersion: number,
  writer: RegistryWriter | string,
): Promise<StoredDefinition> {
  const actor = asWriter(writer);
  if (definition.name !== name)
    throw new AppError(422, "a feature group cannot be renamed", [{ path: "name", message: `must stay ${name}` }]);
  await getPrisma().$transaction(async (tx) => {
    const existing = await tx.featureGroup.findUnique({ where: { name }, include: GROUP_INCLUDE });
    if (!existing) throw notFound(`feature group ${name}`);
    if (existing.version !== expectedVersion) throw staleVersion(name, expectedVersion, existing.version);
    await replaceGroup(tx, existing.id, expectedVersion, toDefinition(existing), definition, actor);
  });
  return (await getGroup(name)) as StoredDefinition;
}

export async function deleteGroup(name: string, expectedVersion: number | null, writer: RegistryWriter | string): Promise<void> {
  const actor = asWriter(writer);
  await getPrisma().$transaction(async (tx) => {
    const existing = await tx.featureGroup.findUnique({ where: { name }, include: GROUP_INCLUDE });
    if (!existing) throw notFound(`feature group ${name}`);
    if (expectedVersion !== null && existing.version !== expectedVersion) throw staleVersion(name, expectedVersion, existing.version);
    const { count } = await tx.featureGroup.deleteMany({ where: { id: existing.id, version: existing.version } });
    if (count === 0) throw staleVersion(name, existing.version, existing.version + 1);
    await audit(tx, actor, "delete", name, toDefinition(existing), null);
  });
}

/**
 * Declarative write (seed, YAML import): create or replace whatever is stored; unchanged writes
 * nothing. The writer is authorised here, inside the transaction, against the row it replaces.
 */
export async function upsertDefinition(
  definition: FeatureGroupDefinition,
  writer: RegistryWriter | string,
  tx?: Tx,
  source?: WriteSource,
): Promise<SaveOutcome> {
  const actor = asWriter(writer);
  const run = async (client: Tx): Promise<SaveOutcome> => {
    const existing = await client.featureGroup.findUnique({ where: { name: definition.name }, include: GROUP_INCLUDE });
    if (existing && !actor.mayChange(existing))
      throw new AppError(403, `${definition.name} belongs to ${existing.team ?? existing.owner}; ${actor.name} may not change it`);
    if (!actor.mayChange(definition))
      throw new AppError(403, `${actor.name} may not register ${definition.name} for ${definition.team ?? definition.owner}`);
    if (!existing) {
      await insertGroup(client, definition, actor, source);
      return "created";
    }
    const before = toDefinition(existing);
    if (isDeepStrictEqual(before, definition) && (!source || source.origin.kind === existing.origin)) {
      // The same definition from a file that moved: where it lives is noted, nothing else changes.
      if (source && source.origin.ref !== existing.originRef)
        await client.featureGroup.update({ where: { id: existing.id }, data: { originRef: source.origin.ref } });
      return "unchanged";
    }
    await replaceGroup(client, existing.id, existing.version, before, definition, actor, source);
    return "updated";
  };
  return tx ? run(tx) : getPrisma().$transaction(run);
}

/** Runs several declarative writes atomically: all land or none; `last` runs in the same transaction. */
export async function upsertDefinitions(
  items: { definition: FeatureGroupDefinition; source?: WriteSource }[],
  actor: RegistryWriter | string,
  last?: (tx: Tx) => Promise<void>,
): Promise<Record<SaveOutcome, string[]>> {
  return getPrisma().$transaction(
    async (tx) => {
      const outcome: Record<SaveOutcome, string[]> = { created: [], updated: [], unchanged: [] };
      for (const { definition, source } of items) outcome[await upsertDefinition(definition, actor, tx, source)].push(definition.name);
      await last?.(tx);
      return outcome;
    },
    { timeout: 60_000 },
  );
}

export type AuditEntry = {
  id: string;
  actor: string;
  action: string;
  createdAt: Date;
  before: FeatureGroupDefinition | null;
  after: FeatureGroupDefinition | null;
  /** What the change came with (a dbt import names its project and manifest time). */
  context: string | null;
};

export async function listAudit(name: string, limit = 50): Promise<AuditEntry[]> {
  const events = await getPrisma().auditEvent.findMany({ where: { groupName: name }, orderBy: { createdAt: "desc" }, take: limit });
  return events.map((event) => ({
    id: event.id,
    actor: event.actor,
    action: event.action,
    createdAt: event.createdAt,
    before: (event.before as FeatureGroupDefinition | null) ?? null,
    after: (event.after as FeatureGroupDefinition | null) ?? null,
    context: event.context,
  }));
}
