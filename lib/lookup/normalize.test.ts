import { describe, expect, it } from "vitest";
import { displayValue, normalize, sameValue, toEpochMs } from "./normalize";

describe("normalize", () => {
  it("reads timestamps in every layer's form, a zone-less text as UTC", () => {
    const ms = Date.parse("2025-01-01T00:00:00.330Z");
    for (const form of [
      "2025-01-01T00:00:00.330000Z",
      "2025-01-01 00:00:00.330+00:00",
      "2025-01-01 00:00:00.33+00",
      "2025-01-01 00:00:00.330",
      "2025-01-01T01:00:00.330+01:00",
    ]) {
      expect(toEpochMs(form), form).toBe(ms);
    }
    expect(toEpochMs(ms)).toBe(ms);
    expect(toEpochMs(new Date(ms))).toBe(ms);
    expect(toEpochMs("yesterday")).toBeNull();
  });

  it("brings each dtype to one comparable form, and says when a value cannot mean it", () => {
    expect(normalize("007", "int64")).toEqual({ kind: "value", value: "7" });
    expect(normalize("1.5", "decimal")).toEqual({ kind: "value", value: 1.5 });
    expect(normalize("f", "bool")).toEqual({ kind: "value", value: false });
    expect(normalize(new Date("2025-01-01T00:00:00Z"), "date")).toEqual({ kind: "value", value: "2025-01-01" });
    expect(normalize('{"b": [1, 2], "a": 1}', "json")).toEqual({ kind: "value", value: '{"b":[1,2],"a":1}' });
    expect(normalize({ b: [1, 2], a: 1 }, "json")).toEqual({ kind: "value", value: '{"b":[1,2],"a":1}' });
    expect(normalize("NULL", "string")).toEqual({ kind: "null" });
    expect(normalize("abc", "int64")).toEqual({ kind: "invalid" });
  });

  it("compares floats within a tolerance and everything else exactly", () => {
    expect(sameValue({ kind: "value", value: 15.25 }, { kind: "value", value: 15.250000000000002 })).toBe(true);
    expect(sameValue({ kind: "value", value: 15.25 }, { kind: "value", value: 15.26 })).toBe(false);
    expect(sameValue({ kind: "null" }, { kind: "null" })).toBe(true);
    expect(sameValue({ kind: "null" }, { kind: "value", value: "x" })).toBe(false);
    expect(displayValue(12n)).toBe("12");
    expect(displayValue(null)).toBeNull();
  });
});
