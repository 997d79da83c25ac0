import "server-only";
import type { RegistryWriter } from "../registry/groups";
import type { FeatureGroupDefinition } from "../schemas/feature-group";
import { env } from "../env";
import { AppError } from "../errors";
import { takeHit } from "../redis/rate-limit";
import { actorOfRequest, currentActor } from "./actor";
import { assertSameSiteWrite } from "./csrf";
import { actorName, authorizeGroupWrite, canEditGroup, requireWriter, type Actor } from "./permissions";

type Owned = Pick<FeatureGroupDefinition, "owner" | "team"> | null | undefined;
export type Writer = Extract<Actor, { kind: "user" }>;

/**
 * First step of every write path: who is asking, and may they write at all (401/403 before the
 * body is even read). Route handlers pass their request; server actions read the request scope.
 */
export async function writerOf(request?: Request): Promise<Writer> {
  const actor = request ? await actorOfRequest(request) : await currentActor();
  requireWriter(actor);
  // A browser sends the session cookie with any site's form: cookie writes must come from this site,
  // with a body no cross-site form can send (server actions get Next's own origin check).
  if (request && actor.via === "session") assertSameSiteWrite(request, env.PUBLIC_URL);
  return actor;
}

/** The writer as the registry checks it inside its transactions (shared entities, imports). */
export const registryWriter = (actor: Writer): RegistryWriter => ({
  name: actorName(actor),
  mayChange: (group) => canEditGroup(actor, group),
});

/**
 * Second step: may this writer change `before` into `after` (null before = create, null after =
 * delete)? Returns the writer the registry records and checks again inside its transaction.
 */
export function authorizeGroupChange(actor: Writer, name: string, before: Owned, after: Owned): RegistryWriter {
  authorizeGroupWrite(actor, name, before ?? null, after ?? null);
  return registryWriter(actor);
}

/**
 * An import, dry runs included, parses and plans the whole upload: only signed-in users and tokens
 * (401), `perMinute` a minute each (429). Applying still needs a writer (writerOf).
 */
export async function importingUser(request: Request, bucket: string, perMinute: number, what: string): Promise<Writer> {
  const actor = await actorOfRequest(request);
  if (actor.kind !== "user") throw new AppError(401, `sign in, or send an API token (Authorization: Bearer …), to import ${what}`);
  if (!(await takeHit(bucket, actor.id, perMinute, 60)))
    throw new AppError(429, `at most ${perMinute} ${what} imports a minute: try again shortly`);
  return actor;
}
