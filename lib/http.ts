import "server-only";
import type { ZodType } from "zod";
import { AppError, describeError } from "./errors";

/** JSON error body shared by every route: `{error, issues: [{path, message}]}`. */
export function errorResponse(error: unknown): Response {
  const { status, ...body } = describeError(error, "internal error", "api");
  return Response.json(body, { status });
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
