/** The values of each key, in the order the pairs come (Map.groupBy arrives in Node 21). */
export function multimap<K, V>(pairs: Iterable<readonly [K, V]>): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const [key, value] of pairs) {
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  }
  return map;
}
