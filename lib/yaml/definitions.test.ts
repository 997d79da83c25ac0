import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDefinitions } from "./definitions";

describe("parseDefinitions", () => {
  it("accepts every shipped definition under features/", () => {
    const files = readdirSync("features").filter((name) => name.endsWith(".yaml"));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const name of files) {
      const result = parseDefinitions(readFileSync(`features/${name}`, "utf8"), name);
      expect(result.problems).toEqual([]);
      expect(result.definitions).toHaveLength(1);
    }
  });

  it("reads several documents and skips empty ones", () => {
    const text = [
      "name: a_group",
      "owner: me",
      "freshness_sla_seconds: 60",
      "materialized_view: mv_a",
      "features: [{name: x, dtype: int64}]",
      "---",
      "name: b_group",
      "owner: me",
      "freshness_sla_seconds: 60",
      "materialized_view: mv_b",
      "features: [{name: y, dtype: string}]",
      "---",
      "",
    ].join("\n");
    const result = parseDefinitions(text, "two.yaml");
    expect(result.problems).toEqual([]);
    expect(result.definitions.map((d) => [d.definition.name, d.document, d.line])).toEqual([
      ["a_group", 1, 1],
      ["b_group", 2, 7],
    ]);
    expect(result.definitions[0]?.definition.status).toBe("active");
  });

  it("points a schema problem at the offending line and column", () => {
    const text = [
      "name: a_group",
      "owner: me",
      "freshness_sla_seconds: 60",
      "materialized_view: mv_a",
      "features:",
      "  - name: ok_feature",
      "    dtype: int64",
      "  - name: bad",
      "    dtype: integer",
    ].join("\n");
    const { problems, definitions } = parseDefinitions(text, "bad.yaml");
    expect(definitions).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "bad.yaml", path: "features.1.dtype", line: 9, column: 12 });
  });

  it("reports YAML syntax errors with a position", () => {
    const { problems } = parseDefinitions("name: a\nfeatures: [unclosed\n", "broken.yaml");
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it("rejects duplicate features and a template without key_template", () => {
    const text =
      "name: g\nowner: o\nfreshness_sla_seconds: 1\nmaterialized_view: m\nredis: {kind: template}\nfeatures: [{name: x, dtype: bool}, {name: x, dtype: bool}]\n";
    const paths = parseDefinitions(text).problems.map((problem) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(["features.1.name", "redis.key_template"]));
  });
});

describe("hostile YAML", () => {
  it("reports an alias bomb as a problem with its line, without expanding it", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 9 },
        (_, index) =>
          `${String.fromCharCode(98 + index)}: &${String.fromCharCode(98 + index)} [*${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}]`,
      ),
    ].join("\n");
    const started = performance.now();
    const { definitions, problems } = parseDefinitions(bomb, "bomb.yaml");
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(definitions).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ file: "bomb.yaml", line: 1, message: expect.stringMatching(/alias/i) })]);
  });
});
