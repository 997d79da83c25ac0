// The READ_ACCESS=signed-in gate, run by proxy.ts before any page or API renders. The proxy is
// bundled outside the React server graph, so this module uses pg directly instead of the
// server-only Prisma client; writes are authorised separately, by every write path itself.
import { parseEnv, type Env } from "../env-schema";
import { credentialsPool, sessionUser, tokenUser } from "./credentials";

const state = globalThis as unknown as { readGateEnv?: Env };
const settings = () => (state.readGateEnv ??= parseEnv(process.env));

/** Paths anyone may open even when reading needs sign-in: the sign-in flow itself and the health probe. */
export const OPEN_PATHS = [
  /^\/signin$/,
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/api\/openapi\.json$/,
  /^\/_next\//,
  /^\/favicon/,
  /^\/(icon|apple-touch-icon)[\w.-]*$/,
  /^\/manifest\.webmanifest$/,
];

export const readNeedsSignIn = () => settings().READ_ACCESS === "signed-in";

/** A current session of an active user, or a known, unrevoked API token of one (the same check as the write paths). */
export async function mayRead(sessionToken: string | undefined, authorization: string | null): Promise<boolean> {
  const db = credentialsPool(settings().DATABASE_URL);
  if (sessionToken && (await sessionUser(db, sessionToken, settings().AUTH_SECRET))) return true;
  const bearer = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  return bearer ? (await tokenUser(db, bearer)) !== null : false;
}
