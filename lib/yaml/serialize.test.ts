import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDefinitions } from "./definitions";
import { definitionToYaml, definitionsToYaml } from "./serialize";

describe("definitionToYaml", () => {
  it("round-trips every shipped definition losslessly", () => {
    for (const file of readdirSync("features")) {
      const [original] = parseDefinitions(readFileSync(`features/${file}`, "utf8")).definitions;
      expect(original).toBeDefined();
      const again = parseDefinitions(definitionToYaml(original!.definition));
      expect(again.problems).toEqual([]);
      expect(again.definitions[0]?.definition).toEqual(original!.definition);
    }
  });

  it("keeps non-default status and writes the seed's key order", () => {
    const [parsed] = parseDefinitions(
      "name: g\nowner: o\nstatus: deprecated\nfreshness_sla_seconds: 9\nmaterialized_view: m\nfeatures: [{name: x, dtype: bool}]",
    ).definitions;
    const text = definitionToYaml(parsed!.definition);
    expect(text.indexOf("name: g")).toBeLessThan(text.indexOf("owner:"));
    expect(text).toContain("status: deprecated");
    expect(text).not.toContain("tags");
  });

  it("round-trips the versions and the drift: block (an export loses neither)", () => {
    const [parsed] = parseDefinitions(
      [
        "name: g",
        "owner: o",
        "freshness_sla_seconds: 9",
        "materialized_view: m_v2",
        "versions: [m]",
        "drift:",
        "  psi: {warning: 0.2, breach: 0.4}",
        "features: [{name: x, dtype: int64}]",
      ].join("\n"),
    ).definitions;
    expect(parsed?.definition).toMatchObject({ versions: ["m"], drift: { psi: { warning: 0.2, breach: 0.4 } } });
    const text = definitionToYaml(parsed!.definition);
    expect(text.indexOf("versions:")).toBeGreaterThan(text.indexOf("materialized_view:"));
    expect(parseDefinitions(text).definitions[0]?.definition).toEqual(parsed!.definition);
  });

  it("writes a multi-document stream that parses back to all groups", () => {
    const definitions = readdirSync("features").flatMap((file) =>
      parseDefinitions(readFileSync(`features/${file}`, "utf8")).definitions.map((d) => d.definition),
    );
    const back = parseDefinitions(definitionsToYaml(definitions));
    expect(back.definitions.map((d) => d.definition)).toEqual(definitions);
  });
});
