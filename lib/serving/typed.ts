import type { Dtype } from "../schemas/feature-group";
import { normalize } from "../lookup/normalize";

/**
 * A feature value as the serving API returns it, whatever layer it came from: integers as numbers
 * (as strings beyond 2^53), decimals as exact strings, timestamps as ISO strings, NULL as null.
 */
export function servedValue(raw: unknown, dtype: Dtype): string | number | boolean | null {
  const value = normalize(raw, dtype);
  if (value.kind === "null") return null;
  if (value.kind === "invalid") return typeof raw === "string" ? raw : JSON.stringify(raw);
  switch (dtype) {
    case "int32":
    case "int64": {
      const number = Number(value.value);
      return Number.isSafeInteger(number) ? number : String(value.value);
    }
    case "decimal":
      return typeof raw === "string" ? raw : String(value.value);
    case "timestamp":
      return value.value; // already ISO
    default:
      return value.value;
  }
}

/** Hash fields as the serving cache stores them: text, NULL as "" (what the demo's cache writes). */
export function cacheField(raw: unknown): string {
  if (raw === null || raw === undefined) return "";
  if (raw instanceof Date) return raw.toISOString();
  return typeof raw === "object" ? JSON.stringify(raw) : String(raw);
}
