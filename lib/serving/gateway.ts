import "server-only";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { activeTokenHashes, credentialsPool, hashToken } from "../auth/credentials";
import { env } from "../env";
import { AppError, describeError, notFound, zodIssues } from "../errors";
import { listenToRegistry } from "../registry/notifications";
import { listGroupOutlines } from "../registry/outlines";
import { FeatureVectorRequestSchema, ServingPathSchema, pathKey } from "../schemas/serving";
import { forgetServingGroups } from "./group-cache";
import { servingMetrics, type AnswerSource } from "./metrics";
import { serveFeatures, servingBreaker, type BatchEntry } from "./serve";
import { assembleVectors } from "./vectors";

export type Gateway = {
  server: Server;
  /** Resolves once group names and token hashes are in memory (or could not be read: then asked per request). */
  ready: Promise<void>;
  close(): Promise<void>;
};

const MAX_BODY_BYTES = 1 << 20;
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, JSON_HEADERS);
  response.end(JSON.stringify(body));
}

function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new AppError(400, `the path part ${part} is not valid percent-encoding`);
  }
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new AppError(413, `the body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError(400, "the body is not JSON");
  }
}

/**
 * `tideline serve`: online serving on a bare node:http server, sharing lib/serving with the Next
 * route. Nothing per request goes to PostgreSQL: group names and API-token hashes are held in memory,
 * reloaded when the registry announces a write (LISTEN/NOTIFY) and every minute besides.
 */
export function createGateway(): Gateway {
  const breakerOpen = () => servingBreaker().state(Date.now()) !== "closed";
  const metrics = servingMetrics(breakerOpen);
  const db = credentialsPool(env.DATABASE_URL);
  let groups: Set<string> | null = null;
  let tokens: Map<string, "read" | "write"> | null = null;
  const loadGroups = async () => {
    groups = new Set((await listGroupOutlines()).map((group) => group.name));
  };
  const loadTokens = async () => {
    tokens = await activeTokenHashes(db);
  };
  const log = (message: string) => console.error(`[serve] ${message}`);
  const reload = (load: () => Promise<void>, what: string) => load().catch((error: Error) => log(`${what} not reloaded: ${error.message}`));
  const listener = listenToRegistry({
    databaseUrl: env.DATABASE_URL,
    log,
    onChange: (tables) => {
      if (tables.has("FeatureGroup") || tables.has("Feature") || tables.has("Entity")) {
        forgetServingGroups();
        void reload(loadGroups, "group names");
      }
      if (tables.has("ApiToken") || tables.has("User")) void reload(loadTokens, "API tokens");
    },
  });
  const ready = Promise.all([reload(loadGroups, "group names"), reload(loadTokens, "API tokens")]).then(() => undefined);

  /** Read access: public, or a usable API token (checked in memory). */
  const authorize = (request: IncomingMessage) => {
    if (env.READ_ACCESS === "public") return;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    if (!bearer) throw new AppError(401, "send an API token (Authorization: Bearer …) to read");
    if (!tokens) throw new AppError(503, "API tokens could not be read from the registry yet; retry");
    if (!tokens.has(hashToken(bearer))) throw new AppError(401, "the API token is invalid or revoked");
  };
  /** An unknown group answers 404 here, without Redis or the registry. */
  const knownGroup = (group: string) => {
    if (groups && !groups.has(group)) throw notFound(`Feature group ${group}`);
  };
  const record = (group: string, entry: BatchEntry) => {
    if ("error" in entry) return metrics.request(group, entry.status);
    metrics.request(group, 200);
    metrics.answer(group, entry.source === "redis" && breakerOpen() ? "breaker_open" : (entry.source as AnswerSource), entry.stale);
  };

  async function featureVector(response: ServerResponse, group: string, key: string) {
    const path = ServingPathSchema.safeParse({ group, key });
    if (!path.success) return send(response, 422, { error: "invalid path", issues: zodIssues(path.error) });
    knownGroup(path.data.group);
    const stop = metrics.timer(path.data.group);
    try {
      const vector = await serveFeatures(path.data.group, pathKey(path.data.key));
      record(path.data.group, vector);
      send(response, 200, vector);
    } catch (error) {
      const { status, error: message, issues } = describeError(error, "serving failed", "serve");
      metrics.request(path.data.group, status);
      send(response, status, { error: message, issues });
    } finally {
      stop();
    }
  }

  async function vectors(request: IncomingMessage, response: ServerResponse) {
    const body = FeatureVectorRequestSchema.safeParse(await readJson(request));
    if (!body.success) return send(response, 422, { error: "invalid request", issues: zodIssues(body.error) });
    body.data.groups.forEach(knownGroup);
    const stop = metrics.timer("*");
    try {
      send(response, 200, { vectors: await assembleVectors(body.data, record) });
    } finally {
      stop();
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    // The path alone: no query string is read, and `new URL` costs more than the rest of a cache hit's routing.
    const pathname = (request.url ?? "/").split("?", 1)[0] as string;
    const features = /^\/v1\/features\/([^/]+)\/([^/]+)$/.exec(pathname);
    if (request.method === "GET" && pathname === "/healthz") {
      return send(response, 200, { status: "ok", breaker: servingBreaker().state(Date.now()), groups: groups?.size ?? null });
    }
    if (request.method === "GET" && pathname === "/metrics") {
      response.writeHead(200, { "content-type": metrics.contentType });
      return response.end(metrics.render());
    }
    if (pathname.startsWith("/v1/")) authorize(request);
    if (request.method === "GET" && features) return featureVector(response, decodePathPart(features[1]!), decodePathPart(features[2]!));
    if (request.method === "POST" && pathname === "/v1/features") return vectors(request, response);
    send(response, 404, { error: `no route ${request.method} ${pathname}`, issues: [] });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const { status, error: message, issues } = describeError(error, "serving failed", "serve");
      if (!response.headersSent) send(response, status, { error: message, issues });
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 65_000; // longer than a load balancer's idle timeout: no reset connections
  return {
    server,
    ready,
    close: async () => {
      await listener.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
