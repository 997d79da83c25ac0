import { describe, expect, it } from "vitest";
import { dtypeOfColumn, isCompatible, dtypeOfDeclaredType } from "./dtypes";

describe("dtype mapping", () => {
  it("maps RisingWave column types to feature dtypes", () => {
    expect(dtypeOfColumn("bigint")).toBe("int64");
    expect(dtypeOfColumn("double precision")).toBe("float64");
    expect(dtypeOfColumn("timestamp with time zone")).toBe("timestamp");
    expect(dtypeOfColumn("character varying")).toBe("string");
    expect(dtypeOfColumn("numeric")).toBe("decimal");
    expect(dtypeOfColumn("struct<a int>")).toBeNull();
  });
  it("accepts safe widenings only", () => {
    expect(isCompatible("int64", "bigint")).toBe(true);
    expect(isCompatible("int64", "integer")).toBe(true);
    expect(isCompatible("float64", "bigint")).toBe(true);
    expect(isCompatible("int32", "bigint")).toBe(false);
    expect(isCompatible("string", "bigint")).toBe(false);
    expect(isCompatible("timestamp", "date")).toBe(false);
  });
});

describe("declared SQL types (dbt data_type, DDL)", () => {
  it("map through the catalog's table, with aliases and type parameters", () => {
    expect(dtypeOfDeclaredType("BIGINT")).toBe("int64");
    expect(dtypeOfDeclaredType("timestamptz")).toBe("timestamp");
    expect(dtypeOfDeclaredType("varchar(64)")).toBe("string");
    expect(dtypeOfDeclaredType("NUMERIC(12, 2)")).toBe("decimal");
    expect(dtypeOfDeclaredType("double")).toBe("float64");
    expect(dtypeOfDeclaredType("int")).toBe("int32");
    expect(dtypeOfDeclaredType("geometry")).toBeNull();
  });
});
