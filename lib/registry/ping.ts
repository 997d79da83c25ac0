import "server-only";
import { getPrisma } from "../db";

/** One round trip to the registry's PostgreSQL. */
export async function pingRegistry(): Promise<void> {
  await getPrisma().$queryRaw`SELECT 1`;
}
