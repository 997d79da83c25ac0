import "server-only";
import { queryRisingWave } from "./pool";

const PING_SQL = "SELECT 1";

/** One round trip to the RisingWave frontend. */
export async function pingRisingWave(): Promise<void> {
  await queryRisingWave(PING_SQL);
}
