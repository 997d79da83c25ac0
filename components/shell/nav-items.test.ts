import { describe, expect, it } from "vitest";
import { NAV_ITEMS, isActive } from "./nav-items";

describe("isActive", () => {
  it("marks Overview only on the root", () => {
    expect(isActive("/", "/")).toBe(true);
    expect(isActive("/", "/groups")).toBe(false);
  });
  it("marks a section on its nested pages but not on look-alike paths", () => {
    expect(isActive("/groups", "/groups/user_features_1h")).toBe(true);
    expect(isActive("/groups", "/groupsx")).toBe(false);
  });
  it("lists the six sections in order", () => {
    expect(NAV_ITEMS.map((item) => item.href)).toEqual(["/", "/groups", "/freshness", "/lineage", "/lookup", "/redis", "/cost"]);
  });
});
