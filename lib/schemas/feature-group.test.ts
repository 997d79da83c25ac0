import { describe, expect, it } from "vitest";
import { FeatureGroupSchema, keyTemplateProblem } from "./feature-group";

const base = {
  name: "g",
  owner: "o@example.com",
  freshness_sla_seconds: 60,
  materialized_view: "mv",
  entity: { name: "user", keys: ["user_id", "region"] },
  features: [{ name: "a", dtype: "int64" }],
};

describe("cache key templates", () => {
  it("accepts the article's template and literal braces", () => {
    expect(keyTemplateProblem("features:user:{user_id}", ["user_id"])).toBeNull();
    expect(keyTemplateProblem("f:{user_id}:{region}\\{v2\\}", ["user_id", "region"])).toBeNull();
  });

  it("refuses templates that would backtrack, collide or write outside the entity", () => {
    expect(keyTemplateProblem("{a}".repeat(12), ["a"])).toMatch(/literal prefix/);
    expect(keyTemplateProblem("k" + "{a}".repeat(12), ["a"])).toMatch(/at most 4/);
    expect(keyTemplateProblem("k{a}{a}", ["a"])).toMatch(/literal text between/);
    expect(keyTemplateProblem("f:{user_id}{region}", ["user_id", "region"])).toMatch(/literal text between/);
    expect(keyTemplateProblem("features:all", ["user_id"])).toMatch(/needs a \{column\}/);
    expect(keyTemplateProblem("features:{email}", ["user_id"])).toMatch(/not a key column/);
    expect(keyTemplateProblem("features user {user_id}", ["user_id"])).toMatch(/use letters/);
    expect(keyTemplateProblem("a:{b}".repeat(5), ["b"])).toMatch(/at most 4/);
  });

  it("is enforced by the one schema the form, the API and YAML share", () => {
    const parsed = FeatureGroupSchema.safeParse({ ...base, redis: { kind: "hash", key_template: "f:{user_id}{region}" } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["redis", "key_template"]);
    expect(FeatureGroupSchema.safeParse({ ...base, redis: { kind: "hash", key_template: "features:{user_id}:{region}" } }).success).toBe(
      true,
    );
  });
});
