// RisingWave epochs: upper 48 bits = ms since 2021-04-01T00:00:00Z, lower 16 bits a sequence (0 for barriers).
export const RW_EPOCH_BASE_MS = 1_617_235_200_000n;

export function epochFromUnixMs(unixMs: number): bigint {
  return (BigInt(Math.floor(unixMs)) - RW_EPOCH_BASE_MS) << 16n;
}

export function unixMsFromEpoch(epoch: bigint): number {
  return Number(RW_EPOCH_BASE_MS + (epoch >> 16n));
}
