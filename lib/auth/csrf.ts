import { AppError } from "../errors";

/** Bodies a cross-site HTML form cannot send: JSON and YAML (a form can send text/plain, urlencoded, multipart). */
const WRITE_CONTENT_TYPES = /^(application\/(json|[\w.+-]+\+json|yaml|x-yaml)|text\/(yaml|x-yaml))\s*(;|$)/i;

/**
 * A cookie-authenticated write must come from Tideline's own pages: its Origin (or, without one,
 * Sec-Fetch-Site) names this site, and a body-bearing request declares a JSON or YAML content type.
 */
export function assertSameSiteWrite(request: Request, publicUrl: string): void {
  const origin = request.headers.get("origin");
  const allowed = new Set([new URL(publicUrl).origin, new URL(request.url).origin]);
  if (origin !== null && !allowed.has(origin)) throw new AppError(403, `cross-site write refused: Origin ${origin} is not this site`);
  if (origin === null && ["cross-site", "same-site"].includes(request.headers.get("sec-fetch-site") ?? ""))
    throw new AppError(403, "cross-site write refused");
  if (["POST", "PUT", "PATCH"].includes(request.method) && !WRITE_CONTENT_TYPES.test(request.headers.get("content-type") ?? "")) {
    throw new AppError(415, "send the body as application/json (or YAML for imports)");
  }
}
