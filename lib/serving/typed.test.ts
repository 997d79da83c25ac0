import { describe, expect, it } from "vitest";
import { cacheField, servedValue } from "./typed";

describe("served values", () => {
  it("gives one JSON form per dtype whatever layer the value came from", () => {
    expect(servedValue("12", "int64")).toBe(12);
    expect(servedValue(12n, "int64")).toBe(12);
    expect(servedValue("9007199254740993", "int64")).toBe("9007199254740993"); // beyond 2^53: exact, as text
    expect(servedValue("12.50", "decimal")).toBe("12.50");
    expect(servedValue(12.5, "decimal")).toBe("12.5");
    expect(servedValue("2025-01-01 00:00:00.330+00:00", "timestamp")).toBe("2025-01-01T00:00:00.330Z");
    expect(servedValue(new Date("2025-01-01T00:00:00Z"), "timestamp")).toBe("2025-01-01T00:00:00.000Z");
    expect(servedValue("t", "bool")).toBe(true);
    expect(servedValue("NULL", "int64")).toBeNull();
    expect(servedValue("", "string")).toBeNull();
    expect(servedValue("twelve", "int64")).toBe("twelve"); // not a number: passed through, not hidden
  });

  it("writes cache hash fields as text, NULL as empty", () => {
    expect(cacheField(null)).toBe("");
    expect(cacheField(new Date("2025-01-01T00:00:00Z"))).toBe("2025-01-01T00:00:00.000Z");
    expect(cacheField({ a: 1 })).toBe('{"a":1}');
    expect(cacheField(7n)).toBe("7");
  });
});
