import { z } from "zod";
import { MAX_KEY_LENGTH } from "../entity-keys/parse";
import { GroupNameSchema } from "./feature-group";

/** The lookup's query string (shared by /lookup and GET /api/lookup): group, key or key.<column>, at. */
export const LookupQuerySchema = z
  .object({
    group: GroupNameSchema,
    key: z
      .string()
      .max(4 * MAX_KEY_LENGTH, `at most ${4 * MAX_KEY_LENGTH} characters`)
      .optional(),
    at: z.iso.datetime({ offset: true, local: true, message: "an ISO date-time, e.g. 2026-11-24T10:00:00Z" }).optional().or(z.literal("")),
  })
  .catchall(z.string());

export type LookupQuery = { group: string; key: Record<string, string> | string; at: Date | null };

/** Splits `key.<column>` parameters out of a query; a bare `key` stays a string for one-column keys. */
export function parseLookupQuery(params: Record<string, string>): LookupQuery {
  const query = LookupQuerySchema.parse(params);
  const columns = Object.fromEntries(
    Object.entries(params)
      .filter(([name]) => name.startsWith("key."))
      .map(([name, value]) => [name.slice(4), value]),
  );
  const at = query.at ? new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(query.at) ? query.at : `${query.at}Z`) : null;
  return { group: query.group, key: Object.keys(columns).length > 0 ? columns : (query.key ?? ""), at };
}
