// deploy/: Docker cannot run on our machines, so the compose file and the article's DDL are checked
// for what can be checked without it: the compose file's structure (services, references, files,
// Tideline's environment), and each SQL statement against the RisingWave contract's sink rules and
// the YAML definitions it must serve.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseEnv } from "@/lib/env-schema";

type Service = {
  image?: string;
  build?: { context: string; dockerfile: string };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  volumes?: string[];
  networks?: { default?: { aliases?: string[] } };
  healthcheck?: { test: string[] };
};
const compose = parse(readFileSync("deploy/docker-compose.yml", "utf8")) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;

/** The statements of deploy/risingwave/*.sql in run order, comments dropped. */
const statements = readdirSync("deploy/risingwave")
  .filter((file) => file.endsWith(".sql"))
  .sort()
  .flatMap((file) =>
    readFileSync(path.join("deploy/risingwave", file), "utf8")
      .replace(/--[^\n]*/g, "")
      .split(/;\s*(?:\n|$)/)
      .map((statement) => statement.trim().replace(/\s+/g, " "))
      .filter(Boolean),
  );
const withOptions = (statement: string) =>
  Object.fromEntries(
    [...(/WITH \((.*?)\)(?: FORMAT|$)/.exec(statement)?.[1] ?? "").matchAll(/([\w.]+) = '([^']*)'/g)].map((match) => [match[1], match[2]]),
  );

describe("deploy/docker-compose.yml", () => {
  it("runs the whole stack: RisingWave v3.0.x, a Kafka-compatible broker, Redis, PostgreSQL, an S3 store and Tideline", () => {
    expect(services.risingwave?.image).toMatch(/^risingwavelabs\/risingwave:v3\.0\.\d+$/);
    expect(services.redpanda?.networks?.default?.aliases).toContain("kafka"); // the article's kafka:9092
    expect(services.redis?.image).toMatch(/^redis:/);
    expect(services.postgres?.image).toMatch(/^postgres:/);
    expect(services.minio?.image).toMatch(/^minio\/minio:/);
    expect(services.tideline?.build?.dockerfile).toBe("deploy/Dockerfile");
  });

  it("refers only to services, volumes and files that exist", () => {
    for (const [name, service] of Object.entries(services)) {
      for (const dependency of Object.keys(service.depends_on ?? {}))
        expect(Object.keys(services), `${name} → ${dependency}`).toContain(dependency);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(":")[0] as string;
        if (source.startsWith(".")) expect(existsSync(path.join("deploy", source)), `${name}: ${source}`).toBe(true);
        else expect(Object.keys(compose.volumes), `${name}: volume ${source}`).toContain(source);
      }
      expect(service.image ?? service.build, `${name} has an image or a build`).toBeTruthy();
    }
    expect(existsSync(path.join("deploy", services.tideline?.build?.context ?? "", "deploy/Dockerfile"))).toBe(true);
  });

  it("gives Tideline an environment it accepts, pointing at the stack's services", () => {
    const environment = { ...services.tideline?.environment, AUTH_SECRET: "a-secret-of-at-least-thirty-two-bytes-000" };
    const env = parseEnv(environment);
    expect(new URL(env.RISINGWAVE_URL).host).toBe("risingwave:4566");
    expect(new URL(env.DATABASE_URL).hostname).toBe("postgres");
    expect(new URL(env.REDIS_URL).hostname).toBe("redis");
    expect(env.S3_ENDPOINT).toBe("http://minio:9000");
  });
});

describe("deploy/risingwave/*.sql", () => {
  it("creates each YAML definition's materialized view with its features", () => {
    for (const file of readdirSync("features").filter((name) =>
      /^(user_engagement|user_item_affinity|order_value_features)\.yaml$/.test(name),
    )) {
      const definition = parse(readFileSync(path.join("features", file), "utf8")) as {
        materialized_view: string;
        features: { name: string }[];
      };
      const create = statements.find((statement) =>
        statement.startsWith(`CREATE MATERIALIZED VIEW IF NOT EXISTS ${definition.materialized_view} AS`),
      );
      expect(create, definition.materialized_view).toBeDefined();
      for (const feature of definition.features)
        expect(create, `${definition.materialized_view}.${feature.name}`).toMatch(new RegExp(`AS ${feature.name}\\b`));
    }
  });

  it("creates every relation before it is read", () => {
    const created = new Set<string>();
    for (const statement of statements) {
      const read = [...statement.matchAll(/\b(?:FROM|JOIN) (\w+)/g)].map((match) => match[1] as string);
      for (const relation of read) expect(created, `${relation} read before it exists in: ${statement.slice(0, 60)}`).toContain(relation);
      const name = /^CREATE (?:SOURCE|TABLE|MATERIALIZED VIEW|SINK) IF NOT EXISTS (\w+)/.exec(statement)?.[1];
      expect(name, statement.slice(0, 60)).toBeDefined();
      created.add(name as string);
    }
  });

  it("writes each Redis sink in a form the Redis sink accepts (§6): primary_key, redis.url, FORMAT PLAIN|UPSERT ENCODE JSON|TEMPLATE", () => {
    const sinks = statements.filter((statement) => statement.includes("connector = 'redis'"));
    expect(sinks.length).toBeGreaterThanOrEqual(3);
    for (const sink of sinks) {
      const options = withOptions(sink);
      expect(options.primary_key, sink).toBeTruthy();
      expect(options["redis.url"], sink).toMatch(/^redis:\/\/redis:6379/);
      expect(sink).toMatch(/ FORMAT (PLAIN|UPSERT) ENCODE (JSON|TEMPLATE)\b/);
      if (sink.includes("ENCODE TEMPLATE")) expect(sink).toMatch(/key_format = '[^']+'/);
    }
  });

  it("writes the snapshot sink in a form the file sink accepts (§7): s3.region_name, type, append-only Parquet, no path templating", () => {
    const sink = statements.find((statement) => statement.includes("connector = 's3'")) as string;
    const options = withOptions(sink);
    expect(options).toMatchObject({ "s3.region_name": "us-east-1", "s3.bucket_name": "ml-feature-store", type: "append-only" });
    expect(options["s3.path"]).not.toMatch(/[{}]/);
    expect(options["s3.region"]).toBeUndefined();
    expect(sink).toMatch(/FORMAT PLAIN ENCODE PARQUET \(force_append_only = 'true'\)$/);
  });

  it("balances every statement's parentheses and quotes", () => {
    for (const statement of statements) {
      const bare = statement.replace(/'(?:[^']|'')*'/g, "''");
      expect((bare.match(/'/g) ?? []).length % 2, statement.slice(0, 60)).toBe(0);
      expect((bare.match(/\(/g) ?? []).length, statement.slice(0, 60)).toBe((bare.match(/\)/g) ?? []).length);
    }
  });
});
