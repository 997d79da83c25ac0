import "server-only";
import type { ZodType } from "zod";
import { writerOf, type Writer } from "../auth/guard";
import { handle, readJson } from "../http";

/**
 * Who may call a route: anyone (health), a reader (everyone with READ_ACCESS=public, a signed-in
 * user or token with READ_ACCESS=signed-in: proxy.ts enforces it), or a writer (a user with write
 * rights, checked here; ownership is checked by the route against the group it changes).
 */
export type RouteAccess = "public" | "read" | "write";

export type RouteSpec<P, Q, B> = {
  summary: string;
  access: RouteAccess;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** What a successful answer is (JSON unless said), and its status. */
  responds?: "json" | "yaml" | "csv" | "empty";
  status?: number;
};

type RouteInput<P, Q, B> = { request: Request; params: P; query: Q; body: B; writer: Writer | null };
type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
/** Next passes the request and the path params; tests may call a parameterless route with neither. */
export type RouteHandler = ((request?: Request, context?: RouteContext) => Promise<Response>) & {
  spec: RouteSpec<unknown, unknown, unknown>;
};

/**
 * The one way a route handler is written: its access is checked, its params, query and JSON body
 * are parsed with the given zod schemas (a bad one is a 4xx with issues), errors become the shared
 * JSON error body, and a returned value is sent as JSON. The same spec feeds /api/openapi.json.
 * Caching is set once for every /api route (next.config.js: no-store).
 */
export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: RouteSpec<P, Q, B>,
  run: (input: RouteInput<P, Q, B>) => Promise<unknown>,
): RouteHandler {
  const handler = (request: Request = new Request("http://localhost/"), context?: RouteContext) =>
    handle(async () => {
      // Reads are gated once, by proxy.ts (READ_ACCESS), before any handler runs: not again here.
      const writer = spec.access === "write" ? await writerOf(request) : null;
      const params = (spec.params ? spec.params.parse(await context?.params) : {}) as P;
      const query = (spec.query ? spec.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : {}) as Q;
      const body = (spec.body ? await readJson(request, spec.body) : undefined) as B;
      const result = await run({ request, params, query, body, writer });
      return result instanceof Response ? result : Response.json(result, { status: spec.status ?? 200 });
    });
  return Object.assign(handler, { spec: spec as RouteSpec<unknown, unknown, unknown> });
}
