import { z } from "zod";
import { GROUP_STATUSES } from "./feature-group";

export const SORTS = ["relevance", "name", "updated", "sla"] as const;
export const PAGE_SIZES = [10, 25, 50, 100] as const;

const optionalText = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined),
  z.string().max(200).optional(),
);

/** The catalog's URL state (/groups?q=&owner=&entity=&tag=&status=&sort=&page=&size=), parsed leniently. */
export const GroupSearchSchema = z.object({
  q: optionalText,
  owner: optionalText,
  entity: optionalText,
  tag: optionalText,
  status: z.enum(GROUP_STATUSES).optional().catch(undefined),
  sort: z.enum(SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  size: z.coerce
    .number()
    .int()
    .refine((size) => (PAGE_SIZES as readonly number[]).includes(size))
    .catch(25)
    .default(25),
});
export type GroupSearch = z.infer<typeof GroupSearchSchema>;

/** Words of a search box as a prefix tsquery: "purch count" → "purch:* & count:*". Only [a-z0-9] survive. */
export function toPrefixQuery(text: string | undefined): string {
  const words = (text ?? "").toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words
    .slice(0, 8)
    .map((word) => `${word}:*`)
    .join(" & ");
}
