import { describe, expect, it } from "vitest";
import { describePlanValue } from "./plan-text";

describe("describePlanValue", () => {
  it("writes each definition field the way an owner reads it", () => {
    expect(describePlanValue("entity", { name: "user", keys: ["user_id"] })).toBe("user (key user_id)");
    expect(describePlanValue("entity", { name: "pair", keys: ["user_id", "category"] })).toBe("pair (keys user_id, category)");
    expect(describePlanValue("redis", { kind: "json", key_template: "f:{user_id}", ttl_seconds: 7200 })).toBe(
      "json · key f:{user_id} · TTL 2 h",
    );
    expect(describePlanValue("redis", { kind: "hash" })).toBe("hash · no TTL");
    expect(describePlanValue("freshness_sla_seconds", 300)).toBe("5 min (300 s)");
    expect(describePlanValue("tags", ["a", "b"])).toBe("a, b");
    expect(describePlanValue("snapshot", { path: "snapshots/g" })).toBe("snapshots/g");
    expect(describePlanValue("team", undefined)).toBe("–");
    expect(describePlanValue("tags", [])).toBe("–");
    expect(describePlanValue("owner", "ml@example.com")).toBe("ml@example.com");
  });
});
