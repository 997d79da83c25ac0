import { decodeJsonbText, parseTimestampMicros } from "../entity-keys/encode";
import type { Dtype } from "../schemas/feature-group";

/** A value brought to one comparable form per dtype; `invalid` when it cannot mean that dtype. */
export type Normalized = { kind: "null" } | { kind: "value"; value: string | number | boolean } | { kind: "invalid" };

const NULL_TEXTS = new Set(["", "NULL"]); // a hash field of a NULL, a TEMPLATE placeholder of a NULL

/** Timestamps in any of the forms the layers use: Date, utc_string (µs), RisingWave text (`+00:00`, or no zone: UTC), epoch ms. */
export function toEpochMs(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value !== "string") return null;
  const micros = parseTimestampMicros(value);
  return micros === null ? null : Number(micros / 1000n);
}

export function normalize(value: unknown, dtype: Dtype): Normalized {
  if (value === null || value === undefined || (typeof value === "string" && NULL_TEXTS.has(value))) return { kind: "null" };
  switch (dtype) {
    case "int32":
    case "int64": {
      const text = typeof value === "bigint" || typeof value === "number" ? String(value) : String(value).trim();
      return /^-?\d+$/.test(text) ? { kind: "value", value: BigInt(text).toString() } : { kind: "invalid" };
    }
    case "float32":
    case "float64":
    case "decimal": {
      const number =
        typeof value === "number"
          ? value
          : typeof value === "bigint"
            ? Number(value)
            : typeof value === "string" && value.trim() !== ""
              ? Number(value)
              : Number.NaN;
      return Number.isFinite(number) ? { kind: "value", value: number } : { kind: "invalid" };
    }
    case "timestamp": {
      // Compared exactly at millisecond precision (the float tolerance would hide seconds at epoch scale).
      const ms = toEpochMs(value);
      return ms === null ? { kind: "invalid" } : { kind: "value", value: new Date(ms).toISOString() };
    }
    case "bool": {
      const text = String(value).toLowerCase();
      if (["true", "t", "1"].includes(text)) return { kind: "value", value: true };
      if (["false", "f", "0"].includes(text)) return { kind: "value", value: false };
      return { kind: "invalid" };
    }
    case "date": {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { kind: "value", value: text } : { kind: "invalid" };
    }
    case "json":
      // jsonb arrives parsed (RisingWave, a JSON sink) or as its text (TEMPLATE, Parquet): compare compact JSON.
      return { kind: "value", value: JSON.stringify(typeof value === "string" ? decodeJsonbText(value) : value) };
    default:
      return { kind: "value", value: typeof value === "object" ? JSON.stringify(value) : String(value) };
  }
}

/** Relative tolerance for floats: the layers print and parse doubles and decimals differently. */
const RELATIVE_TOLERANCE = 1e-9;
const ABSOLUTE_TOLERANCE = 1e-9;

export function sameValue(a: Normalized, b: Normalized): boolean {
  if (a.kind === "null" || b.kind === "null") return a.kind === b.kind;
  if (a.kind !== "value" || b.kind !== "value") return false;
  if (typeof a.value === "number" && typeof b.value === "number") {
    return Math.abs(a.value - b.value) <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.max(Math.abs(a.value), Math.abs(b.value));
  }
  return a.value === b.value;
}

/** Display text of a raw value (dates as ISO, bigints as digits). */
export function displayValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
