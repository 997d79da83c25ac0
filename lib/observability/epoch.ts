/** RisingWave epochs: upper 48 bits are ms since 2021-04-01T00:00:00Z; int8 arrives from pg as a string. */
const RW_EPOCH_BASE_MS = 1_617_235_200_000n;

export function epochToUnixMs(epoch: string | bigint): number {
  return Number(RW_EPOCH_BASE_MS + (BigInt(epoch) >> 16n));
}
