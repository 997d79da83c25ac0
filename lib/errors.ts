import { ZodError } from "zod";

/** Errors the registry raises on purpose; route handlers turn them into JSON with a 4xx status. */
export type Issue = { path: string; message: string; line?: number; column?: number };

const APP_ERROR = Symbol.for("tideline.AppError");

/** The backends Tideline reads; a 503 that names one says whose data is missing. */
export type Backend = "registry" | "risingwave" | "redis" | "archive";
export const BACKEND_TITLES: Record<Backend, string> = {
  registry: "The registry database",
  risingwave: "RisingWave",
  redis: "Redis",
  archive: "The archive",
};

export class AppError extends Error {
  /**
   * A brand, not the class, says what is an AppError: the production build bundles this module more
   * than once (instrumentation, each route), and the backend gates, shared through globalThis, throw
   * the copy of whichever bundle created them first.
   */
  readonly [APP_ERROR] = true;
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && APP_ERROR in value;
  }
  override name = "AppError";

  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    message: string,
    readonly issues: Issue[] = [],
    /** Set on a 503 that a backend caused. */
    readonly backend?: Backend,
  ) {
    super(message);
  }
}

/** A backend that did not answer: a 503 whose message starts with the backend's name. */
export const unreachable = (backend: Backend, detail: string) =>
  new AppError(503, `${BACKEND_TITLES[backend]} is unreachable${detail}`, [], backend);

export type Unavailable = { backend: Backend; reason: string };

/** Which backend's outage an error is, or null when it is not one. */
export function unavailableFrom(error: unknown): Unavailable | null {
  if (error instanceof AppError && error.status === 503 && error.backend) return { backend: error.backend, reason: error.message };
  const registry = registryOutage(error);
  return registry ? { backend: "registry", reason: registry } : null;
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
  const outage = unavailableFrom(error);
  if (outage) return { status: 503, error: outage.reason, issues: [] };
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
  // Only Prisma's errors (they carry clientVersion; class names are minified in the production build):
  // a Redis client's ECONNREFUSED is not the registry's.
  if (!(error instanceof Error && "clientVersion" in error)) return null;
  // pg-pool's wait for a free connection ran out: PostgreSQL answers, this server is saturated.
  if (/timeout exceeded when trying to connect/i.test(text))
    return `${BACKEND_TITLES.registry} is busy: every connection of this server is in use; retry`;
  if (/Can't reach database server|ECONNREFUSED|Connection terminated/i.test(text)) return `${BACKEND_TITLES.registry} is unreachable`;
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
