import { z } from "zod";
import { FeatureGroupSchema } from "./feature-group";

/** PUT /api/groups/{name} and the edit form: the definition plus the version it was read at. */
export const GroupUpdateSchema = z.object({ version: z.number().int().positive(), definition: FeatureGroupSchema });
