// The one place that decides whether a session cookie or an API token is valid: for an existing,
// active user, and (sessions) at the user's current session version. The proxy's read gate and the
// write paths both call it. It uses pg directly: the proxy is bundled outside the React server
// graph, where the Prisma client is not available.
import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";
import { Pool, type QueryResultRow } from "pg";
import { BackendGate, isConnectionFailure } from "../health/backend-gate";
import { pgConfigFromUrl } from "../pg-config";

export type CredentialUser = { id: string; email: string; name: string; role: string; teams: string[] };

const SESSION_USER_SQL = `
SELECT id, email, name, role::text AS role, teams FROM "User"
WHERE id = $1 AND active AND "sessionVersion" = $2`;

const TOKEN_USER_SQL = `
SELECT t.id AS token_id, t.scope::text AS scope, u.id, u.email, u.name, u.role::text AS role, u.teams
FROM "ApiToken" AS t JOIN "User" AS u ON u.id = t."userId"
WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL AND u.active`;

const state = globalThis as unknown as { credentialsPool?: Pool; credentialsGate?: BackendGate };

/** A small pool of the registry database for credential checks (shared by the proxy and the routes). */
export function credentialsPool(databaseUrl: string): Pool {
  if (!state.credentialsPool) {
    state.credentialsPool = new Pool({
      ...pgConfigFromUrl(databaseUrl),
      max: 2,
      idleTimeoutMillis: 10_000,
      connectionTimeoutMillis: 2_000,
    });
    state.credentialsPool.on("error", () => undefined); // an idle client's broken connection is not a crash
  }
  return state.credentialsPool;
}

/**
 * Credential checks behind their own gate (this pool is not Prisma's): a registry known down answers
 * 503 at once instead of each request waiting out the connect timeout.
 */
async function credentialRows<Row extends QueryResultRow>(db: Pool, sql: string, params: unknown[]): Promise<Row[]> {
  const gate = (state.credentialsGate ??= new BackendGate("registry", () => db.query("SELECT 1"), {
    probeEveryMs: 2_000,
    probeTimeoutMs: 2_500,
  }));
  return gate.guard(
    async () => (await db.query<Row>(sql, params)).rows,
    (error) => (error instanceof Error && isConnectionFailure(error) ? "down" : "error"),
  );
}

/** Tokens are stored as SHA-256: they are random, so a fast hash is enough and lookups stay indexed. */
export const hashToken = (value: string) => createHash("sha256").update(value).digest("hex");

/** The user of a session cookie that decodes with `secret`, is theirs, and carries their current session version. */
export async function sessionUser(db: Pool, sessionToken: string, secret: string): Promise<CredentialUser | null> {
  const payload = await decode({ token: sessionToken, secret }).catch(() => null);
  if (typeof payload?.uid !== "string") return null;
  const version = typeof payload.sv === "number" ? payload.sv : 0;
  const rows = await credentialRows<CredentialUser>(db, SESSION_USER_SQL, [payload.uid, version]);
  return rows[0] ?? null;
}

/** The user and scope of a presented API token: known, unrevoked, and its user active. */
export async function tokenUser(
  db: Pool,
  value: string,
): Promise<{ user: CredentialUser; scope: "read" | "write"; tokenId: string } | null> {
  const rows = await credentialRows<CredentialUser & { token_id: string; scope: "read" | "write" }>(db, TOKEN_USER_SQL, [hashToken(value)]);
  const row = rows[0];
  if (!row) return null;
  const { token_id: tokenId, scope, ...user } = row;
  return { user, scope, tokenId };
}

const ACTIVE_TOKENS_SQL = `
SELECT t."tokenHash" AS hash, t.scope::text AS scope FROM "ApiToken" AS t JOIN "User" AS u ON u.id = t."userId"
WHERE t."revokedAt" IS NULL AND u.active`;

/** Every usable token's hash and scope: what a serving process holds in memory instead of asking per request. */
export async function activeTokenHashes(db: Pool): Promise<Map<string, "read" | "write">> {
  const rows = await credentialRows<{ hash: string; scope: "read" | "write" }>(db, ACTIVE_TOKENS_SQL, []);
  return new Map(rows.map((row) => [row.hash, row.scope]));
}
