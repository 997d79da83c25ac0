// How RisingWave's Redis sink spells a value of each SQL type (docs/reference/risingwave-catalog.md §6.4,
// §11.1–3): ENCODE JSON keys and values, TEMPLATE placeholder text, and the decoding back. Pure:
// the lookup, the serving gateway and the Redis stats use it through resolve.ts and shapes.ts.

/** Days from 0001-01-01 (day 1) to 1970-01-01: the JSON encoder writes a date as num_days_from_ce. */
const CE_DAYS_AT_UNIX_EPOCH = 719_163;
const MS_PER_DAY = 86_400_000;
const pad = (value: number | bigint, width = 2) => String(value).padStart(width, "0");

/** The SQL types a key column can have, as rw_columns.data_type names them. */
export type KeySqlType =
  | "smallint"
  | "integer"
  | "bigint"
  | "numeric"
  | "character varying"
  | "boolean"
  | "date"
  | "timestamp with time zone"
  | "timestamp without time zone";
export const KEY_SQL_TYPES: Record<KeySqlType, string> = {
  smallint: "int2",
  integer: "int4",
  bigint: "int8",
  numeric: "numeric",
  "character varying": "varchar",
  boolean: "boolean",
  date: "date",
  "timestamp with time zone": "timestamptz",
  "timestamp without time zone": "timestamp",
};
export const isKeySqlType = (dataType: string): dataType is KeySqlType => dataType in KEY_SQL_TYPES;

const TIMESTAMP = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i;

/** Microseconds since 1970 of ISO or PostgreSQL timestamp text; text without a zone is UTC. Null when it is not one. */
export function parseTimestampMicros(text: string): bigint | null {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone = "Z"] = match;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  if (zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    ms -= (zone.startsWith("-") ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0")) * 60_000;
  }
  return BigInt(ms) * 1000n + BigInt(fraction.padEnd(6, "0").slice(0, 6));
}

function clock(micros: bigint) {
  const fraction = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const date = new Date(Number((micros - fraction) / 1000n));
  return {
    day: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`,
    time: `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`,
    fraction,
  };
}

/** `YYYY-MM-DDTHH:MM:SS.ffffffZ`: the utc_string form, also the parameter sent for a timestamptz key. */
export function utcString(micros: bigint): string {
  const { day, time, fraction } = clock(micros);
  return `${day}T${time}.${pad(fraction, 6)}Z`;
}

/** RisingWave's text of a timestamp: fraction in 3 or 6 digits, none when zero (to_text.rs). */
export function timestampText(micros: bigint): string {
  const { day, time, fraction } = clock(micros);
  const digits = fraction === 0n ? "" : fraction % 1000n === 0n ? `.${pad(fraction / 1000n, 3)}` : `.${pad(fraction, 6)}`;
  return `${day} ${time}${digits}`;
}

/** `YYYY-MM-DD` → RisingWave's JSON date (days since 0001-01-01, that day being 1), and back. */
export const dateToCeDays = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY) + CE_DAYS_AT_UNIX_EPOCH;
export const ceDaysToDate = (days: number) => new Date((days - CE_DAYS_AT_UNIX_EPOCH) * MS_PER_DAY).toISOString().slice(0, 10);

/** A validated key value: `sql` is the canonical text (and the statement parameter), `sqlType` its column type. */
export type KeyValue = { sqlType: KeySqlType; sql: string };

/** The key value in ENCODE JSON, as JSON text (integers stay exact). */
export function keyJson({ sqlType, sql }: KeyValue): string {
  switch (sqlType) {
    case "smallint":
    case "integer":
    case "bigint":
      return sql;
    case "boolean":
      return sql === "true" ? "true" : "false";
    case "date":
      return String(dateToCeDays(sql));
    case "timestamp with time zone":
      return JSON.stringify(utcString(parseTimestampMicros(sql) ?? 0n));
    case "timestamp without time zone":
      return String((parseTimestampMicros(sql) ?? 0n) / 1000n);
    default:
      return JSON.stringify(sql);
  }
}

/** The key value as a TEMPLATE placeholder prints it (§11.3). */
export function keyText({ sqlType, sql }: KeyValue): string {
  switch (sqlType) {
    case "boolean":
      return sql === "true" ? "t" : "f";
    case "timestamp with time zone":
      return `${timestampText(parseTimestampMicros(sql) ?? 0n)}+00:00`;
    case "timestamp without time zone":
      return timestampText(parseTimestampMicros(sql) ?? 0n);
    default:
      return sql;
  }
}

/**
 * JSON.parse that keeps integers beyond 2^53 exact, as strings (the sink writes int8 as a bare JSON
 * number; Node 20's JSON.parse has no access to the source text). Strings are left alone.
 */
export function parseJsonExact(text: string): unknown {
  let out = "";
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (inString) {
      out += char;
      if (char === "\\") out += text[++index] ?? "";
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      out += char;
      continue;
    }
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(index));
    if (number && (index === 0 || !/[\w.]/.test(text[index - 1] ?? ""))) {
      const literal = number[0];
      const unsafe = !number[1] && !number[2] && !Number.isSafeInteger(Number(literal));
      out += unsafe ? `"${literal}"` : literal;
      index += literal.length - 1;
      continue;
    }
    out += char;
  }
  return JSON.parse(out);
}

/** A value read from an ENCODE JSON object, in the form the comparison expects for its column type. */
export function decodeJsonValue(value: unknown, dataType: string): unknown {
  if (value === null || value === undefined) return null;
  if (dataType === "date" && typeof value === "number") return ceDaysToDate(value);
  if (
    dataType === "timestamp without time zone" &&
    (typeof value === "number" || typeof value === "string") &&
    /^-?\d+$/.test(String(value))
  )
    return new Date(Number(value));
  if (dataType === "jsonb" && typeof value === "string") return decodeJsonbText(value);
  return value;
}

/** A TEMPLATE placeholder's text back into a comparable value (NULL stays the text NULL: normalize reads it as null). */
export function decodeTemplateText(text: string, dataType: string): unknown {
  if (dataType === "jsonb" && text !== "NULL") return decodeJsonbText(text);
  if (dataType === "timestamp without time zone" && text !== "NULL") {
    const micros = parseTimestampMicros(text);
    return micros === null ? text : new Date(Number(micros / 1000n));
  }
  return text;
}

/** jsonb text parsed (exactly), or the text itself when it is not JSON. */
export function decodeJsonbText(text: string): unknown {
  try {
    return parseJsonExact(text);
  } catch {
    return text;
  }
}
