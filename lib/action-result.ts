import "server-only";
import { describeError, type ErrorBody } from "./errors";

/** What a server action returns: data, or the same error shape as the REST API. */
export type ActionResult<T> = { ok: true; data: T } | ({ ok: false } & ErrorBody);

export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    return { ok: false, ...describeError(error, "Something went wrong on the server; nothing was saved.", "action") };
  }
}
