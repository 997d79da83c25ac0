import "server-only";
import type { FeatureGroupDefinition } from "../schemas/feature-group";
import { actorOfRequest, currentActor } from "./actor";
import { actorName, authorizeGroupWrite, requireWriter, type Actor } from "./permissions";

type Owned = Pick<FeatureGroupDefinition, "owner" | "team"> | null | undefined;
export type Writer = Extract<Actor, { kind: "user" }>;

/**
 * First step of every write path: who is asking, and may they write at all (401/403 before the
 * body is even read). Route handlers pass their request; server actions read the request scope.
 */
export async function writerOf(request?: Request): Promise<Writer> {
  const actor = request ? await actorOfRequest(request) : await currentActor();
  requireWriter(actor);
  return actor;
}

/**
 * Second step: may this writer change `before` into `after` (null before = create, null after =
 * delete)? Returns the name the audit log records.
 */
export function authorizeGroupChange(actor: Writer, name: string, before: Owned, after: Owned): string {
  authorizeGroupWrite(actor, name, before ?? null, after ?? null);
  return actorName(actor);
}
