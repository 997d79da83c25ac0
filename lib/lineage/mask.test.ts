import { describe, expect, it } from "vitest";
import { maskConnectorProps, maskDefinition, maskUrlCredentials } from "./mask";

describe("masking credentials", () => {
  it("hides the password of a URL and keeps the user and host", () => {
    expect(maskUrlCredentials("redis://default:s3cret@cache:6379/0")).toBe("redis://default:••••@cache:6379/0");
    expect(maskUrlCredentials("redis://:s3cret@cache:6379")).toBe("redis://:••••@cache:6379");
    expect(maskUrlCredentials("redis://token@cache")).toBe("redis://••••@cache");
    expect(maskUrlCredentials("redis://cache:6379")).toBe("redis://cache:6379");
  });

  it("masks secret options and URL credentials inside a CREATE statement", () => {
    const sql =
      "CREATE SOURCE o WITH (connector = 'postgres-cdc', username = 'rw', password = 'it''s', s3.credentials.access = 'AK', redis.url = 'redis://u:p@h:6379')";
    const masked = maskDefinition(sql);
    expect(masked).toBe(
      "CREATE SOURCE o WITH (connector = 'postgres-cdc', username = 'rw', password = '••••', s3.credentials.access = '••••', redis.url = 'redis://u:••••@h:6379')",
    );
    expect(masked).not.toMatch(/it''s|AK'|:p@/);
  });

  it("shows secret references by name and masks plaintext secrets", () => {
    expect(
      maskConnectorProps({
        "properties.sasl.password": { type: "secret", value: { value: "kafka_pw" } },
        "s3.secret.key": { type: "plaintext", value: "abc" },
        topic: { type: "plaintext", value: "user_events" },
      }),
    ).toEqual([
      ["properties.sasl.password", "secret kafka_pw"],
      ["s3.secret.key", "••••"],
      ["topic", "user_events"],
    ]);
    expect(maskConnectorProps(null)).toEqual([]);
  });

  it("masks credentials in JDBC query strings, service accounts, PEM keys, quoted option names and E'' literals", () => {
    expect(maskUrlCredentials("jdbc:postgresql://db:5432/shop?user=rw&password=hunter2&ssl=true")).toBe(
      "jdbc:postgresql://db:5432/shop?user=rw&password=••••&ssl=true",
    );
    expect(maskUrlCredentials("jdbc:sqlserver://db;user=rw;password=hunter2")).toBe("jdbc:sqlserver://db;user=rw;password=••••");
    const sql = `CREATE SINK s FROM t WITH ("password" = 'a', gcs.service_account = '{"k": 1}', tls.client.key.pem = 'PEM', secret_key = E'it\\'s', jdbc.url = 'jdbc:mysql://h/db?password=pw')`;
    const masked = maskDefinition(sql);
    expect(masked).toBe(
      `CREATE SINK s FROM t WITH ("password" = '••••', gcs.service_account = '••••', tls.client.key.pem = '••••', secret_key = E'••••', jdbc.url = 'jdbc:mysql://h/db?password=••••')`,
    );
    expect(masked).not.toMatch(/'a'|"k"|PEM'|it\\'s|=pw/);
  });
});
