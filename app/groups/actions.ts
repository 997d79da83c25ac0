"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import { authorizeGroupChange, writerOf } from "@/lib/auth/guard";
import { planChange } from "@/lib/groups/plan";
import { assertWritable } from "@/lib/groups/write-checks";
import { createGroup, deleteGroup, getGroup, updateGroup } from "@/lib/registry/groups";
import { liveSchemaCheck } from "@/lib/groups/live-check";
import { ActionVersionSchema, GroupVersionArgsSchema, SwitchTargetSchema } from "@/lib/schemas/api";
import { switchedDefinition } from "@/lib/versions/switch";
import { assertSwitchable } from "@/lib/versions/view";
import { FeatureGroupSchema } from "@/lib/schemas/feature-group";
import { AppError, staleVersion } from "@/lib/errors";

/** The plan view: what saving would change, and the live schema check. Writes nothing. */
export async function previewGroupAction(input: unknown, rawVersion: number | null) {
  return runAction(async () => {
    const definition = FeatureGroupSchema.parse(input);
    const version = ActionVersionSchema.parse(rawVersion);
    const stored = await getGroup(definition.name);
    if (version === null && stored)
      throw new AppError(409, `a feature group named ${definition.name} already exists`, [{ path: "name", message: "already taken" }]);
    if (version !== null && stored && stored.version !== version) throw staleVersion(definition.name, version, stored.version);
    // Refused here already, so each problem shows next to its field before the owner confirms.
    await assertWritable([definition]);
    return { plan: planChange(stored?.definition ?? null, definition), check: await liveSchemaCheck(definition) };
  });
}

/** Creates (version null) or updates (at the version the form was loaded with). */
export async function saveGroupAction(input: unknown, rawVersion: number | null) {
  return runAction(async () => {
    const writer = await writerOf();
    const definition = FeatureGroupSchema.parse(input);
    const version = ActionVersionSchema.parse(rawVersion);
    const actor = authorizeGroupChange(
      writer,
      definition.name,
      version === null ? null : (await getGroup(definition.name))?.definition,
      definition,
    );
    await assertWritable([definition]);
    const saved = version === null ? await createGroup(definition, actor) : await updateGroup(definition.name, definition, version, actor);
    revalidatePath("/groups");
    return { name: saved.definition.name, version: saved.version };
  });
}

export async function deprecateGroupAction(rawName: string, rawVersion: number) {
  return runAction(async () => {
    const [name, version] = GroupVersionArgsSchema.parse([rawName, rawVersion]);
    const stored = await getGroup(name);
    if (!stored) throw new AppError(404, `feature group ${name} not found`);
    const actor = authorizeGroupChange(await writerOf(), name, stored.definition, stored.definition);
    const saved = await updateGroup(name, { ...stored.definition, status: "deprecated" }, version, actor);
    revalidatePath(`/groups/${name}`);
    return { version: saved.version };
  });
}

export async function deleteGroupAction(rawName: string, rawVersion: number) {
  return runAction(async () => {
    const [name, version] = GroupVersionArgsSchema.parse([rawName, rawVersion]);
    const stored = await getGroup(name);
    if (!stored) throw new AppError(404, `feature group ${name} not found`);
    await deleteGroup(name, version, authorizeGroupChange(await writerOf(), name, stored.definition, null));
    revalidatePath("/groups");
    return null;
  });
}

/**
 * Serves another version of the group: the registry's MV becomes `rawMv` (the serving endpoints,
 * lookup, freshness and lineage follow it). Forward only once the verdict says caught up; back to an
 * older version of the family always (that is the undo). Audited like any edit.
 */
export async function switchServingAction(rawName: string, rawVersion: number, rawMv: string) {
  return runAction(async () => {
    const [name, version] = GroupVersionArgsSchema.parse([rawName, rawVersion]);
    const mv = SwitchTargetSchema.parse(rawMv);
    const stored = await getGroup(name);
    if (!stored) throw new AppError(404, `feature group ${name} not found`);
    const target = switchedDefinition(stored.definition, mv);
    const actor = authorizeGroupChange(await writerOf(), name, stored.definition, target);
    await assertSwitchable(name, mv);
    const saved = await updateGroup(name, target, version, actor);
    revalidatePath(`/groups/${name}`);
    return { version: saved.version };
  });
}
