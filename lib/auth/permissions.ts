import { AppError } from "../errors";

export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: nobody, or a user through a browser session or an API token (with its scope). */
export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user";
      id: string;
      email: string;
      name: string;
      role: Role;
      teams: string[];
      via: "session" | "token";
      scope: "read" | "write";
    };

export type Ownership = { owner: string; team?: string | null };

/** The audit log's name for an actor. */
export const actorName = (actor: Actor) =>
  actor.kind === "user" ? `${actor.email}${actor.via === "token" ? " (API token)" : ""}` : "anonymous";

/** A group belongs to its owner and to its team's members. */
export function owns(actor: Actor, group: Ownership): boolean {
  if (actor.kind !== "user") return false;
  return group.owner.toLowerCase() === actor.email.toLowerCase() || (!!group.team && actor.teams.includes(group.team));
}

/** Whether the actor may change this group at all (the UI hides what this refuses). */
export function canEditGroup(actor: Actor, group: Ownership): boolean {
  if (actor.kind !== "user" || actor.scope !== "write") return false;
  return actor.role === "admin" || (actor.role === "editor" && owns(actor, group));
}

export const canCreateGroups = (actor: Actor) =>
  actor.kind === "user" && actor.scope === "write" && (actor.role === "editor" || actor.role === "admin");

export function requireWriter(actor: Actor): asserts actor is Extract<Actor, { kind: "user" }> {
  if (actor.kind !== "user") throw new AppError(401, "sign in, or send an API token (Authorization: Bearer …), to change the registry");
  if (actor.scope !== "write") throw new AppError(403, "this API token is read-only");
  if (actor.role === "viewer") throw new AppError(403, `${actor.email} is a viewer: ask an admin for the editor role`);
}

/**
 * Checked by every write path itself (server actions and route handlers alike). `before` is the
 * stored group (absent on create), `after` the group as it will be (absent on delete): an editor
 * must own both, so they can neither change nor hand away another team's group.
 */
export function authorizeGroupWrite(actor: Actor, name: string, before: Ownership | null, after: Ownership | null): void {
  requireWriter(actor);
  if (actor.role === "admin") return;
  if (before && !owns(actor, before))
    throw new AppError(403, `${name} belongs to ${before.team ?? before.owner}; ${actor.email} may not change it`);
  if (after && !owns(actor, after))
    throw new AppError(
      403,
      `${actor.email} may only register groups owned by themselves or their teams (${actor.teams.join(", ") || "no team"})`,
    );
}

export function requireAdmin(actor: Actor): void {
  requireWriter(actor);
  if (actor.role !== "admin") throw new AppError(403, "only admins manage users");
}

/** Linking an OIDC identity to an existing account needs `email_verified: true` (some issuers send the string "true"). */
export function oidcLinkDecision(existingUser: boolean, emailVerified: unknown): "allow" | "EmailNotVerified" {
  const verified = emailVerified === true || emailVerified === "true";
  return !existingUser || verified ? "allow" : "EmailNotVerified";
}
