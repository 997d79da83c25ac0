import { describe, expect, it } from "vitest";
import { FeatureGroupSchema } from "./feature-group";
import { EMPTY_FORM, GroupFormSchema, definitionToForm, entityNameFor, formFieldForIssue, formToDefinitionInput } from "./group-form";

describe("group form mapping", () => {
  it("round-trips a definition through the form fields", () => {
    const definition = FeatureGroupSchema.parse({
      name: "g",
      owner: "o",
      team: "t",
      tags: ["a", "b"],
      entity: { name: "user", keys: ["user_id", "day"] },
      freshness_sla_seconds: 60,
      materialized_view: "m",
      timestamp_column: "ts",
      redis: { kind: "hash", key_template: "f:{user_id}", ttl_seconds: 7200 },
      snapshot: { path: "snapshots/g" },
      // No form field shows it; an edit through the form keeps it.
      drift: { psi: { warning: 0.2, breach: 0.3 }, features: { x: { mismatch: { warning: 0.1, breach: 0.5 } } } },
      status: "draft",
      features: [{ name: "x", dtype: "int64", description: "d" }],
    });
    expect(FeatureGroupSchema.parse(formToDefinitionInput(definitionToForm(definition)))).toEqual(definition);
  });

  it("leaves empty optional sections out instead of failing them", () => {
    const input = formToDefinitionInput({
      ...EMPTY_FORM,
      name: "g",
      owner: "o",
      materialized_view: "m",
      features: [{ name: "x", dtype: "bool", description: "" }],
    });
    expect(input.entity).toBeUndefined();
    expect(input.redis).toBeUndefined();
    expect(input.snapshot).toBeUndefined();
    expect(FeatureGroupSchema.safeParse(input).success).toBe(true);
  });

  it("turns a blank SLA into a validation error rather than 0", () => {
    const result = FeatureGroupSchema.safeParse(formToDefinitionInput({ ...EMPTY_FORM, freshness_sla_seconds: "" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((issue) => issue.path[0] === "freshness_sla_seconds")).toBe(true);
  });

  it("maps schema issue paths onto form fields", () => {
    expect(formFieldForIssue(["entity", "keys", 0])).toBe("entityKeys");
    expect(formFieldForIssue(["features", 2, "dtype"])).toBe("features.2.dtype");
    expect(formFieldForIssue(["redis", "key_template"])).toBe("redisKeyTemplate");
    expect(formFieldForIssue(["tags", 3])).toBe("tags");
    expect(formFieldForIssue(["owner"])).toBe("owner");
  });

  it("validates the form's values with the shared schema and reports issues on the form's own fields", () => {
    const result = GroupFormSchema.safeParse({
      ...EMPTY_FORM,
      name: "Not Snake",
      owner: "o",
      materialized_view: "m",
      entityName: "user",
      entityKeys: "",
      redisKind: "template",
      redisKeyTemplate: "f:{nope}",
      features: [{ name: "Bad Name", dtype: "int64", description: "" }],
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error?.issues.map((issue) => issue.path.join(".")));
    expect(fields).toContain("name");
    expect(fields).toContain("entityKeys");
    expect(fields).toContain("features.0.name");
    expect([...fields].every((field) => field.split(".")[0]! in EMPTY_FORM)).toBe(true);
  });

  it("accepts a complete form", () => {
    const form = {
      ...EMPTY_FORM,
      name: "g",
      owner: "o",
      materialized_view: "m",
      features: [{ name: "x", dtype: "int64" as const, description: "" }],
    };
    expect(GroupFormSchema.safeParse(form).success).toBe(true);
  });

  it("proposes an entity name from the key columns", () => {
    expect(entityNameFor(["user_id"])).toBe("user");
    expect(entityNameFor(["user_id", "category"])).toBe("user_category");
  });
});
