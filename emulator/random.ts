// A small seeded PRNG (mulberry32) so a run's synthetic stream is reproducible.
export type Random = { next(): number; int(maxExclusive: number): number; pick<T>(items: readonly T[]): T };

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number) => Math.floor(next() * maxExclusive);
  return { next, int, pick: (items) => items[int(items.length)] as (typeof items)[number] };
}

/** A standard normal draw (Box–Muller). */
export const standardNormal = (random: Random) => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());

/** A Poisson draw: Knuth's product below 30, a rounded normal above (exact enough for counts). */
export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean >= 30) {
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(random)));
  }
  const limit = Math.exp(-mean);
  let product = random.next();
  let count = 0;
  while (product > limit) {
    product *= random.next();
    count += 1;
  }
  return count;
}
