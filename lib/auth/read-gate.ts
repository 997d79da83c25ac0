// The READ_ACCESS=signed-in gate, run by proxy.ts before any page or API renders. The proxy is
// bundled outside the React server graph, so this module uses pg directly instead of the
// server-only Prisma client; writes are authorised separately, by every write path itself.
import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";
import { Pool } from "pg";
import { parseEnv, type Env } from "../env-schema";
import { pgConfigFromUrl } from "../pg-config";

const state = globalThis as unknown as { readGateEnv?: Env; readGatePool?: Pool };
const settings = () => (state.readGateEnv ??= parseEnv(process.env));

/** Paths anyone may open even when reading needs sign-in: the sign-in flow itself and the health probe. */
export const OPEN_PATHS = [/^\/signin$/, /^\/api\/auth\//, /^\/api\/health$/, /^\/_next\//, /^\/favicon/];

export const readNeedsSignIn = () => settings().READ_ACCESS === "signed-in";

/** A session cookie that decodes with AUTH_SECRET, or a known, unrevoked API token. */
export async function mayRead(sessionToken: string | undefined, authorization: string | null): Promise<boolean> {
  if (sessionToken) {
    const payload = await decode({ token: sessionToken, secret: settings().AUTH_SECRET }).catch(() => null);
    if (payload?.uid) return true;
  }
  const bearer = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  if (!bearer) return false;
  state.readGatePool ??= new Pool({ ...pgConfigFromUrl(settings().DATABASE_URL), max: 2 });
  const hash = createHash("sha256").update(bearer).digest("hex");
  const { rowCount } = await state.readGatePool.query(`SELECT 1 FROM "ApiToken" WHERE "tokenHash" = $1 AND "revokedAt" IS NULL`, [hash]);
  return (rowCount ?? 0) > 0;
}
