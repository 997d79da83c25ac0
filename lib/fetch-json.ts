import type { ZodType } from "zod";

/**
 * The one way client code reads a Tideline API: GET, no cache, the JSON checked against `schema`
 * (the same schema the server's answer is built to). A non-2xx answer throws the API's own
 * `error` text, so a hook's error state says what went wrong.
 */
export async function fetchJson<T>(url: string, schema: ZodType<T>): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = typeof body === "object" && body !== null && "error" in body ? String((body as { error: unknown }).error) : null;
    throw new Error(message ?? `${url} answered ${response.status}`);
  }
  return schema.parse(body);
}
