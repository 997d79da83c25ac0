import "server-only";
import { getRisingWavePool } from "./pool";

const PING_SQL = "SELECT 1";

/** One round trip to the RisingWave frontend. */
export async function pingRisingWave(): Promise<void> {
  await getRisingWavePool().query(PING_SQL);
}
