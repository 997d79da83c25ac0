import { z } from "zod";
import { FeatureGroupSchema } from "./feature-group";

/** PUT /api/groups/{name} and the edit form: the definition plus the version it was read at. */
export const GroupUpdateSchema = z.object({ version: z.number().int().positive(), definition: FeatureGroupSchema });

/** A group named in a URL path. Any text: an unknown or malformed name is a 404, not a 422. */
export const GroupPathSchema = z.object({ name: z.string().max(300) });

/** DELETE /api/groups/{name}?version=N: the version guards against deleting what someone just changed. */
export const GroupDeleteQuerySchema = z.object({
  version: z
    .string()
    .regex(/^-?\d+$/, "not an integer")
    .transform(Number)
    .optional(),
});

/** A group version as server actions receive it: null when the form creates the group. */
export const ActionVersionSchema = z.number().int().positive().nullable();
/** The arguments of the deprecate and delete actions (browsers can send anything to a server action). */
export const GroupVersionArgsSchema = z.tuple([z.string().max(300), z.number().int().positive()]);
/** The MV a switch of serving version names (a version of the group's family, checked against the catalog). */
export const SwitchTargetSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "an MV name in snake_case")
  .max(200);
