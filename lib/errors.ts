import { ZodError } from "zod";

/** Errors the registry raises on purpose; route handlers turn them into JSON with a 4xx status. */
export type Issue = { path: string; message: string; line?: number; column?: number };

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, `${what} not found`);

/** Someone saved in between: the caller's copy is stale. */
export const staleVersion = (name: string, expected: number, current: number) =>
  new AppError(
    409,
    `${name} was changed by someone else (you edited version ${expected}, it is now version ${current}). Reload to see their change; your edits are kept in the form.`,
    [{ path: "version", message: `expected ${expected}, current ${current}` }],
  );

/** zod issues as `{path, message}` rows. */
export function zodIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

export type ErrorBody = { status: number; error: string; issues: Issue[] };

/**
 * The one mapping from a thrown error to the error shape of routes and server actions: deliberate
 * AppErrors keep their status, zod errors are 422, anything else is logged and shown as `fallback`.
 */
export function describeError(error: unknown, fallback: string, logLabel: string): ErrorBody {
  if (error instanceof AppError) return { status: error.status, error: error.message, issues: error.issues };
  if (error instanceof ZodError) return { status: 422, error: "invalid input", issues: zodIssues(error) };
  const outage = registryOutage(error);
  if (outage) return { status: 503, error: outage, issues: [] };
  console.error(`[${logLabel}] unexpected error:`, error);
  return { status: 500, error: fallback, issues: [] };
}

/** The messages of an error and its causes (Prisma wraps the driver's error). */
function messagesOf(error: unknown, depth = 0): string[] {
  if (!(error instanceof Error) || depth > 4) return [];
  return [error.message, ...messagesOf((error as { cause?: unknown }).cause, depth + 1)];
}

/**
 * A registry query that failed because PostgreSQL is unreachable, as Prisma reports the first failure:
 * a 503 naming the registry, not a 500. (Later ones are the gate's AppError in lib/db.ts, which Prisma
 * passes through unchanged.)
 */
function registryOutage(error: unknown): string | null {
  const text = messagesOf(error).join(" | ");
  // Only Prisma's errors: a Redis client's ECONNREFUSED is not the registry's.
  const fromPrisma = error instanceof Error && error.constructor.name.startsWith("PrismaClient");
  if (fromPrisma && /Can't reach database server|ECONNREFUSED|timeout exceeded when trying to connect|Connection terminated/i.test(text))
    return "The registry database is unreachable";
  return null;
}

const CONNECTION_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host not found",
  ETIMEDOUT: "timed out",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  "28P01": "authentication failed",
  "28000": "authentication failed",
};

/**
 * A backend error as users may read it: the kind of failure, never the hosts, ports, URLs or
 * credentials a driver's message carries (they stay in the server log).
 */
export function publicBackendError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code && CONNECTION_CODES[code]) return CONNECTION_CODES[code];
  const message = error instanceof Error ? error.message || error.name : String(error);
  return message
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "<url>")
    .replace(/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, "<host>")
    .replace(/\[[0-9a-f:]+\](?::\d+)?/gi, "<host>")
    .replace(/\b[\w-]+(?:\.[\w-]+)+:\d{2,5}\b/g, "<host>");
}
