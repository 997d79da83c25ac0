// A group's versions are MVs named <base> and <base>_v<N> (the article's recipe: create <mv>_v2,
// backfill, switch, drop the old one).

/** The version base of an MV name: user_features_1h_v2 → user_features_1h. */
export const versionBase = (mv: string) => mv.replace(/_v\d+$/, "");

/** The version after the newest of the family: [user_features_1h] → user_features_1h_v2, […, _v2] → _v3. */
export function nextVersionName(serving: string, family: string[]): string {
  const numbers = family.map((name) => Number(/_v(\d+)$/.exec(name)?.[1] ?? 1));
  return `${versionBase(serving)}_v${Math.max(1, ...numbers) + 1}`;
}
