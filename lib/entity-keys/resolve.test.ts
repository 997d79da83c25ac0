// The app's side of the encodings, against the golden examples (tests/contract/encoding-golden.ts),
// never against the emulator's encoders.
import { describe, expect, it } from "vitest";
import { GOLDEN, GOLDEN_COMPOSITE_KEY, type GoldenCase } from "@/tests/contract/encoding-golden";
import { dtypeOfColumn } from "../groups/dtypes";
import { normalize } from "../lookup/normalize";
import { decodeJsonValue, decodeTemplateText, isKeySqlType, keyJson, keyText, parseJsonExact } from "./encode";
import { parseKey, type KeyColumn } from "./parse";
import { decodeRedisValue, entityRedisKeys, jsonSinkKey, keyColumnsOf, keyPredicate, renderKeyTemplate } from "./resolve";
import { keyPatterns, matchesPieces, shapesOverlap, templatePieces } from "./shapes";
import { parseTemplateValue } from "./template";

const dtypeOf = (golden: GoldenCase) => dtypeOfColumn(golden.type) ?? "string";
const comparable = (value: unknown, golden: GoldenCase) => {
  const normalized = normalize(value, dtypeOf(golden));
  return normalized.kind === "null" ? null : normalized.kind === "value" ? String(normalized.value) : "invalid";
};
/** What hyparquet hands over for each physical type the file sink writes (§11.7). */
function parquetRead(golden: GoldenCase): unknown {
  if (golden.value === null) return null;
  if (golden.parquet === "INT64") return BigInt(golden.value);
  if (golden.parquet === "DECIMAL(38,10)" || golden.parquet === "DOUBLE" || golden.parquet === "INT32") return Number(golden.value);
  if (golden.parquet === "BOOLEAN") return golden.value === "true";
  if (golden.parquet === "DATE") return new Date(`${golden.value}T00:00:00Z`);
  if (golden.parquet.startsWith("TIMESTAMP")) return new Date(golden.canonical ?? "");
  return golden.value;
}

describe("keys and values match the golden examples", () => {
  for (const golden of GOLDEN) {
    it(`${golden.type} ${golden.value ?? "NULL"}`, () => {
      if (golden.value !== null && isKeySqlType(golden.type)) {
        const parsed = parseKey([{ name: "k", dtype: dtypeOf(golden), dataType: golden.type }], { k: golden.value });
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          const [part] = parsed.parts;
          expect(keyJson(part!)).toBe(golden.json);
          expect(keyText(part!)).toBe(golden.template);
        }
      }
      const fromJson = decodeJsonValue((parseJsonExact(`{"v":${golden.json}}`) as { v: unknown }).v, golden.type);
      expect(comparable(fromJson, golden)).toBe(golden.canonical);
      expect(comparable(decodeTemplateText(golden.template, golden.type), golden)).toBe(golden.canonical);
      expect(comparable(parquetRead(golden), golden)).toBe(golden.canonical);
    });
  }

  it("sorts a composite key's columns by name (§11.1)", () => {
    const columns: KeyColumn[] = GOLDEN_COMPOSITE_KEY.columns.map((column) => ({
      name: column.name,
      dtype: dtypeOfColumn(column.type) ?? "string",
      dataType: column.type,
    }));
    const parsed = parseKey(columns, Object.fromEntries(GOLDEN_COMPOSITE_KEY.columns.map((column) => [column.name, column.value])));
    expect(parsed.ok && jsonSinkKey(parsed.parts)).toBe(GOLDEN_COMPOSITE_KEY.json);
  });

  it("keeps int8 beyond 2^53 exact when reading JSON, and leaves strings alone", () => {
    expect(parseJsonExact('{"a":9007199254740993,"b":"9007199254740993","c":1.5,"d":[12345678901234567890]}')).toEqual({
      a: "9007199254740993",
      b: "9007199254740993",
      c: 1.5,
      d: ["12345678901234567890"],
    });
  });
});

describe("the entity key resolver", () => {
  const live = [
    { name: "user_id", dataType: "bigint", isPrimaryKey: true },
    { name: "category", dataType: "character varying", isPrimaryKey: true },
    { name: "category_views_24h", dataType: "bigint", isPrimaryKey: false },
  ];
  const { columns } = keyColumnsOf(undefined, live);
  const parsed = parseKey(columns, { user_id: " 9007199254740993 ", category: "books" });
  const parts = parsed.ok ? parsed.parts : [];

  it("takes the MV's primary key when the registry names no entity, and reports a missing key column", () => {
    expect(columns.map((column) => column.name)).toEqual(["user_id", "category"]);
    expect(keyColumnsOf(["customer_id"], live).missing).toBe("customer_id");
  });

  it("gives one key per sink kind and the cache, and the SQL predicate with parameters", () => {
    const keys = entityRedisKeys(
      [
        { name: "json", keyFormat: null, valueFormat: null },
        { name: "tpl", keyFormat: "aff:{user_id}:{category}\\{x\\}", valueFormat: "v={category_views_24h}" },
      ],
      "features:{user_id}",
      parts,
    );
    expect(keys.map((key) => [key.role, key.key])).toEqual([
      ["json-sink", '{"category":"books","user_id":9007199254740993}'],
      ["template-sink", "aff:9007199254740993:books{x}"],
      ["cache", "features:9007199254740993"],
    ]);
    expect(keyPredicate(parts, (name) => `"${name}"`)).toEqual({
      sql: '"user_id" = $1::int8 AND "category" = $2::varchar',
      params: ["9007199254740993", "books"],
    });
  });

  it("renders templates with escaped braces, unknown placeholders and stray characters, the same each time", () => {
    const parsed = parseKey([{ name: "user_id", dtype: "int64", dataType: "bigint" }], { user_id: "42" });
    const parts = parsed.ok ? parsed.parts : [];
    for (let time = 0; time < 2; time++) {
      expect(renderKeyTemplate("user:{user_id}", parts)).toBe("user:42");
      expect(renderKeyTemplate("\\{literal\\}:{user_id}:{missing}", parts)).toBe("{literal}:42:NULL");
      expect(renderKeyTemplate("a\\b{ x}{user_id}}", parts)).toBe("a\\b{ x}42}");
    }
  });

  it("renders date, timestamp and boolean keys in RisingWave's text forms", () => {
    const typed = parseKey(
      [
        { name: "d", dtype: "date", dataType: "date" },
        { name: "t", dtype: "timestamp", dataType: "timestamp with time zone" },
        { name: "b", dtype: "bool", dataType: "boolean" },
      ],
      { d: "2025-01-01", t: "2025-01-01T01:00:00.5+01:00", b: "TRUE" },
    );
    expect(typed.ok && renderKeyTemplate("{d}|{t}|{b}", typed.parts)).toBe("2025-01-01|2025-01-01 00:00:00.500+00:00|t");
    expect(typed.ok && jsonSinkKey(typed.parts)).toBe('{"b":true,"d":739252,"t":"2025-01-01T00:00:00.500000Z"}');
  });

  it("rejects values that do not mean their type before any backend is asked", () => {
    expect(parseKey(columns, { user_id: "1; DROP TABLE x", category: "a" })).toEqual({
      ok: false,
      errors: [{ column: "user_id", message: "must be a whole number" }],
    });
    expect(parseKey(columns, { user_id: "99999999999999999999", category: "x".repeat(10_000) })).toMatchObject({
      ok: false,
      errors: [{ column: "user_id" }, { column: "category" }],
    });
    expect(parseKey([{ name: "d", dtype: "date", dataType: "date" }], { d: "2025-13-45" })).toMatchObject({ ok: false });
  });

  it("decodes each role's value typed like the MV", () => {
    const types = new Map([
      ["n", "bigint"],
      ["d", "date"],
      ["t", "timestamp without time zone"],
      ["j", "jsonb"],
    ]);
    const json = decodeRedisValue(
      { key: "k", role: "json-sink", source: "s", valueFormat: null },
      '{"d":739252,"j":"{\\"a\\": 1}","n":9007199254740993,"t":1735689600330}',
      types,
    );
    expect(json).toEqual({ d: "2025-01-01", j: { a: 1 }, n: "9007199254740993", t: new Date("2025-01-01T00:00:00.330Z") });
    const template = decodeRedisValue(
      { key: "k", role: "template-sink", source: "s", valueFormat: "n={n};t={t}" },
      "n=7;t=2025-01-01 00:00:00.330",
      types,
    );
    expect(template).toEqual({ n: "7", t: new Date("2025-01-01T00:00:00.330Z") });
    expect(decodeRedisValue({ key: "k", role: "json-sink", source: "s", valueFormat: null }, "not json", types)).toBeNull();
  });

  it("reads TEMPLATE values back into columns", () => {
    expect(parseTemplateValue("total_orders:{total_orders},ts:{ts}", "total_orders:3,ts:2026-11-24 10:00:00+00:00")).toEqual({
      total_orders: "3",
      ts: "2026-11-24 10:00:00+00:00",
    });
    expect(parseTemplateValue("\\{a\\}:{a}", "{a}:7")).toEqual({ a: "7" });
    expect(parseTemplateValue("a:{a}", "b:1")).toBeNull();
  });

  it("gives the stats walk the same key shapes, JSON columns sorted", () => {
    const patterns = keyPatterns([
      { group: "affinity", keyColumns: ["user_id", "category"], sinks: [{ keyFormat: null }], cacheTemplate: null },
    ]);
    expect(patterns[0]?.glob).toBe('{"category":*,"user_id":*}');
    expect(matchesPieces(patterns[0]?.pieces ?? [], jsonSinkKey(parts))).toBe(true);
  });

  it("tells whether two key shapes can produce the same key, without backtracking", () => {
    const overlap = (a: string, b: string) => shapesOverlap(templatePieces(a), templatePieces(b));
    expect(overlap("features:user:{user_id}", "features:{entity}:{id}")).toBe(true);
    expect(overlap("features:user:{user_id}", "order_features:{customer_id}")).toBe(false);
    expect(overlap("features:user:{user_id}", "features:item:{item_id}")).toBe(false);
    expect(overlap("a:{x}:b", "a:{y}")).toBe(true);
    const started = performance.now();
    expect(overlap("x:{a}".repeat(4), "x:{b}y".repeat(4))).toBe(true); // "x:yx:yx:yx:y" fits both
    expect(matchesPieces(templatePieces("x" + "{a}:".repeat(4)), "x" + ":".repeat(10_000) + "y")).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
