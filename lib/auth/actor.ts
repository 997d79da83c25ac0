import "server-only";
import { cookies, headers } from "next/headers";
import { env } from "../env";
import { AppError } from "../errors";
import { credentialsPool, sessionUser, tokenUser } from "./credentials";
import type { Actor, Role } from "./permissions";
import { touchToken } from "./tokens";

// next-auth's session cookie: the __Secure- form when the app is served over https.
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

const userActor = (
  user: { id: string; email: string; name: string; role: string; teams: string[] },
  via: "session" | "token",
  scope: "read" | "write",
): Actor => ({
  kind: "user",
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role as Role,
  teams: user.teams,
  via,
  scope,
});

function cookieFromHeader(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/**
 * An `Authorization: Bearer` API token (an unknown or revoked one is a 401, never a silent
 * anonymous), else the session cookie, else anonymous. The user row is read on every call, so a
 * role change or a removed user applies at once.
 */
async function actorFrom(authorization: string | null, sessionToken: string | undefined): Promise<Actor> {
  const db = credentialsPool(env.DATABASE_URL);
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const resolved = match ? await tokenUser(db, match[1] as string) : null;
    if (!resolved) throw new AppError(401, "the API token is invalid or revoked");
    touchToken(resolved.tokenId);
    return userActor(resolved.user, "token", resolved.scope);
  }
  if (!sessionToken) return { kind: "anonymous" };
  const user = await sessionUser(db, sessionToken, env.AUTH_SECRET);
  return user ? userActor(user, "session", "write") : { kind: "anonymous" };
}

/** The actor of a route handler's request (works wherever the Request is at hand, tests included). */
export function actorOfRequest(request: Request): Promise<Actor> {
  const cookie = request.headers.get("cookie");
  return actorFrom(request.headers.get("authorization"), SESSION_COOKIES.map((name) => cookieFromHeader(cookie, name)).find(Boolean));
}

/** The actor of the current server action or server component. */
export async function currentActor(): Promise<Actor> {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  return actorFrom(headerList.get("authorization"), SESSION_COOKIES.map((name) => cookieStore.get(name)?.value).find(Boolean));
}
