import "server-only";
import { ZodError } from "zod";
import { AppError, zodIssues, type Issue } from "./errors";

/** What a server action returns: data, or the same error shape as the REST API. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; status: number; error: string; issues: Issue[] };

export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, status: error.status, error: error.message, issues: error.issues };
    if (error instanceof ZodError) return { ok: false, status: 422, error: "invalid input", issues: zodIssues(error) };
    console.error("[action] unexpected error:", error);
    return { ok: false, status: 500, error: "Something went wrong on the server; nothing was saved.", issues: [] };
  }
}
