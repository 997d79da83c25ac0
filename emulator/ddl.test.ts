import { describe, expect, it } from "vitest";
import { parseDdl, parseOptions, splitStatements } from "./ddl";

describe("the emulator's DDL", () => {
  it("splits a script at semicolons outside strings and drops comments", () => {
    expect(splitStatements("DROP SINK a; -- the old one; gone\nDROP SINK b;\n\nCREATE SINK c FROM d WITH (connector = 'x;y');")).toEqual([
      "DROP SINK a",
      "DROP SINK b",
      "CREATE SINK c FROM d WITH (connector = 'x;y')",
    ]);
    expect(() => splitStatements("DROP SINK 'a;")).toThrow(/unterminated string/);
  });

  it("reads the checklist's CREATE SINK with its options, format and encode", () => {
    const statement = parseDdl(
      "CREATE SINK user_features_to_redis_v2 FROM user_features_1h_v2 WITH (connector = 'redis', primary_key = 'user_id', redis.url = 'redis://h:6379/') FORMAT UPSERT ENCODE TEMPLATE (key_format = 'user:{user_id}', value_format = 'it''s {x}');",
    );
    expect(statement).toMatchObject({
      kind: "create sink",
      name: "user_features_to_redis_v2",
      schema: "public",
      from: "user_features_1h_v2",
      connectorProps: { connector: "redis", primary_key: "user_id", "redis.url": "redis://h:6379/" },
      format: "UPSERT",
      encode: "TEMPLATE",
      formatOptions: { key_format: "user:{user_id}", value_format: "it's {x}" },
    });
    expect(statement.kind === "create sink" && statement.definition.endsWith("'it''s {x}')")).toBe(true);
    expect(parseDdl("create sink risk.s from risk.\"High MV\" with (connector = 's3')")).toMatchObject({
      schema: "risk",
      from: "High MV",
      fromSchema: "risk",
      format: null,
      formatOptions: {},
    });
  });

  it("reads DROP SINK and DROP MATERIALIZED VIEW, and refuses anything else with the reason", () => {
    expect(parseDdl("DROP MATERIALIZED VIEW IF EXISTS risk.high_value_customers")).toEqual({
      kind: "drop",
      relationType: "materialized view",
      schema: "risk",
      name: "high_value_customers",
      ifExists: true,
    });
    expect(parseDdl("drop sink User_Sink;")).toMatchObject({ relationType: "sink", name: "user_sink", ifExists: false });
    expect(() => parseDdl("DROP TABLE orders")).toThrow(/runs CREATE SINK … FROM …, DROP SINK and DROP MATERIALIZED VIEW; not: DROP TABLE/);
    expect(() => parseDdl("CREATE SINK s FROM m WITH (type = 'upsert')")).toThrow(/need a connector/);
    expect(() => parseOptions("connector = 'redis', oops")).toThrow(/near: oops/);
  });
});
