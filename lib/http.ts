import "server-only";
import { ZodError, type ZodType } from "zod";
import { AppError, zodIssues } from "./errors";

/** JSON error body shared by every route: `{error, issues: [{path, message}]}`. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return Response.json({ error: error.message, issues: error.issues }, { status: error.status });
  if (error instanceof ZodError) return Response.json({ error: "invalid input", issues: zodIssues(error) }, { status: 422 });
  console.error("[api] unexpected error:", error);
  return Response.json({ error: "internal error", issues: [] }, { status: 500 });
}

/** Runs a handler and turns thrown errors into JSON responses; the handler never leaks a stack. */
export async function handle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return errorResponse(error);
  }
}

export async function readJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError(400, "the request body is not valid JSON");
  }
  return schema.parse(body);
}
