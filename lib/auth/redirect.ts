/**
 * A post-sign-in destination that stays on this site: a path resolved against `base`, refused
 * (→ "/") when it leaves the origin. Browsers read `/\evil`, `/%5Cevil` and `/\t/evil` as
 * `//evil`, so backslashes and control characters are refused before parsing too.
 */
export function safeCallbackPath(value: string | null | undefined, base: string): string {
  if (!value) return "/";
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return "/";
  }
  if (!value.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(decoded) || decoded.startsWith("//")) return "/";
  try {
    const origin = new URL(base).origin;
    const url = new URL(value, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
