import { describe, expect, it } from "vitest";
import { DEMO_AUTH_SECRET, parseEnv } from "./env-schema";

const valid = {
  DATABASE_URL: "postgresql://tideline:tideline@127.0.0.1:5432/tideline",
  RISINGWAVE_URL: "postgres://root@rw.internal:4566/dev",
  REDIS_URL: "redis://127.0.0.1:6379/0",
  ARCHIVE_URL: "s3://feature-snapshots/prod",
  AUTH_SECRET: "x".repeat(32),
};

describe("parseEnv", () => {
  it("accepts a complete configuration and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env.RISINGWAVE_URL).toBe(valid.RISINGWAVE_URL);
    expect(env.AWS_REGION).toBe("us-east-1");
    expect(env.RISINGWAVE_QUERY_TIMEOUT_MS).toBe(5000);
  });

  it("accepts a file:// archive", () => {
    expect(parseEnv({ ...valid, ARCHIVE_URL: "file:///var/lib/tideline" }).ARCHIVE_URL).toBe("file:///var/lib/tideline");
  });

  it("names every bad key at once, one line each", () => {
    const attempt = () =>
      parseEnv({
        ...valid,
        DATABASE_URL: "mysql://x@y/z",
        REDIS_URL: "not a url",
        AUTH_SECRET: "short",
        RISINGWAVE_URL: undefined,
        ARCHIVE_URL: "",
      });
    expect(attempt).toThrowError(/5 bad key/);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
      expect(message).toContain("REDIS_URL: must be a redis:// or rediss:// URL, or a JSON array of them (Redis Cluster)");
      expect(message).toContain("AUTH_SECRET: must be at least 32 bytes");
      expect(message).toContain("RISINGWAVE_URL: missing");
      expect(message).toContain("ARCHIVE_URL: missing");
      expect(message.match(/REDIS_URL/g)).toHaveLength(1);
    }
  });

  it("rejects an archive URL that is neither s3 nor an absolute file path", () => {
    expect(() => parseEnv({ ...valid, ARCHIVE_URL: "https://example.com/x" })).toThrowError(/ARCHIVE_URL: must be s3/);
  });

  it("rejects a non-numeric query timeout", () => {
    expect(() => parseEnv({ ...valid, RISINGWAVE_QUERY_TIMEOUT_MS: "soon" })).toThrowError(/RISINGWAVE_QUERY_TIMEOUT_MS/);
  });

  it("refuses the demo secret unless the app runs on a loopback address, and secrets under 32 bytes", () => {
    expect(parseEnv({ ...valid, AUTH_SECRET: DEMO_AUTH_SECRET }).PUBLIC_URL).toBe("http://localhost:3000");
    expect(parseEnv({ ...valid, AUTH_SECRET: DEMO_AUTH_SECRET, PUBLIC_URL: "http://127.0.0.1:3100" }).AUTH_SECRET).toBe(DEMO_AUTH_SECRET);
    expect(() => parseEnv({ ...valid, AUTH_SECRET: DEMO_AUTH_SECRET, PUBLIC_URL: "https://tideline.example.com" })).toThrow(
      /AUTH_SECRET: is the demo secret from \.env\.example/,
    );
    expect(() => parseEnv({ ...valid, AUTH_SECRET: "é".repeat(15) })).toThrow(/AUTH_SECRET: must be at least 32 bytes/);
  });
});
