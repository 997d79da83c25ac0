import "server-only";
import { parseEnv } from "./env-schema";

/** The only reader of process.env in the app: validated once, at first import. */
export const env = parseEnv(process.env);
