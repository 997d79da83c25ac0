import { z } from "zod";
import { parseRedisTarget } from "./redis/url";

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must be a postgres:// or postgresql:// URL");

/** `.env.example`'s AUTH_SECRET: anyone can sign sessions with it, so it only serves a loopback demo. */
export const DEMO_AUTH_SECRET = "local-demo-secret-change-me-0123456789abcdef";
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Every environment variable Tideline reads, with its default where one is safe. */
const EnvFields = z.object({
  DATABASE_URL: postgresUrl,
  RISINGWAVE_URL: postgresUrl,
  REDIS_URL: z.string().superRefine((value, context) => {
    try {
      parseRedisTarget(value);
    } catch (error) {
      context.addIssue({ code: "custom", message: (error as Error).message });
    }
  }),
  ARCHIVE_URL: z
    .string()
    .url()
    .refine((value) => /^(s3:\/\/[^/]+|file:\/\/\/)/.test(value), "must be s3://bucket/prefix or file:///absolute/path"),
  AUTH_SECRET: z
    .string()
    .refine((value) => Buffer.byteLength(value) >= 32, "must be at least 32 bytes: generate one with `openssl rand -base64 32`"),
  /** Optional S3-compatible endpoint (MinIO, R2...) for ARCHIVE_URL=s3://... */
  S3_ENDPOINT: z.string().url().optional(),
  AWS_REGION: z.string().min(1).default("us-east-1"),
  RISINGWAVE_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** Appends every distinct statement sent to RisingWave to this file (an audit of the SQL; the test runs check it). */
  RISINGWAVE_STATEMENT_LOG: z.string().min(1).optional(),
  /** The freshness collector runs inside the app server (instrumentation hook) unless disabled. */
  COLLECTOR_ENABLED: z.enum(["true", "false"]).default("true"),
  /** `npm run serve`: the online serving gateway's port. */
  SERVING_PORT: z.coerce.number().int().min(1).max(65_535).default(3001),
  SERVING_HOST: z.string().min(1).default("127.0.0.1"),
  COLLECTOR_INTERVAL_SECONDS: z.coerce.number().positive().max(3_600).default(15),
  /** How often the collector walks Redis's keyspace for the key stats, and how long one walk may take. */
  REDIS_STATS_INTERVAL_SECONDS: z.coerce.number().positive().max(86_400).default(60),
  REDIS_SCAN_BUDGET_MS: z.coerce.number().int().positive().max(60_000).default(1_500),
  /** Event-time freshness scans the MV (max of the timestamp column); larger MVs are skipped. */
  EVENT_TIME_MAX_ROWS: z.coerce.number().int().nonnegative().default(5_000_000),
  /** At most this many MVs have their event time measured per board build, the most overdue first. */
  EVENT_TIME_BATCH: z.coerce.number().int().positive().max(10_000).default(200),
  /** Drift (lib/drift): how often a cycle runs, how many entities each group samples, and the row caps per side. */
  DRIFT_INTERVAL_MINUTES: z.coerce.number().positive().max(10_080).default(60),
  DRIFT_SAMPLE_SIZE: z.coerce.number().int().min(1).max(1_000).default(500),
  DRIFT_MAX_LIVE_ROWS: z.coerce.number().int().nonnegative().default(5_000_000),
  DRIFT_MAX_TRAINING_ROWS: z.coerce.number().int().positive().default(100_000),
  /**
   * Cost estimates (/cost): US dollars per GB-month of each store. Defaults: Redis at an in-memory
   * node's price per GB of RAM (about $9.30 on-demand), RisingWave state at object storage plus the
   * compute nodes' cache share ($0.10), the archive at S3 Standard ($0.023). Set your own rates.
   */
  COST_REDIS_GB_MONTH: z.coerce.number().nonnegative().default(9.3),
  COST_RISINGWAVE_GB_MONTH: z.coerce.number().nonnegative().default(0.1),
  COST_ARCHIVE_GB_MONTH: z.coerce.number().nonnegative().default(0.023),
  /** Where the dbt project's docs site is served (dbt docs serve): the lineage graph links dbt nodes to their page there. */
  DBT_DOCS_URL: z.string().url().optional(),
  /** Slack-compatible incoming webhook that receives incident open/close messages. */
  ALERT_WEBHOOK_URL: z.string().url().optional(),
  /** Reading: open to everyone (the demo), or only to signed-in users and API tokens. Writing always needs a user. */
  READ_ACCESS: z.enum(["public", "signed-in"]).default("public"),
  /** A generic OpenID Connect provider for sign-in, enabled when the issuer, client id and secret are set. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  /** Tideline's own address, for links in alert messages and sign-in redirects. */
  PUBLIC_URL: z.string().url().default("http://localhost:3000"),
  /** Set by Next.js itself; the collector does not start during `next build`. */
  NEXT_PHASE: z.string().optional(),
});

export const EnvSchema = EnvFields.superRefine((env, ctx) => {
  if (env.AUTH_SECRET === DEMO_AUTH_SECRET && !LOOPBACK_HOSTS.has(new URL(env.PUBLIC_URL).hostname)) {
    ctx.addIssue({
      code: "custom",
      path: ["AUTH_SECRET"],
      message: `is the demo secret from .env.example, accepted only when PUBLIC_URL is a loopback address (it is ${env.PUBLIC_URL}): generate one with \`openssl rand -base64 32\``,
    });
  }
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses an environment; on failure the error lists every bad key with its reason. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // `KEY=` in a .env file means "not set", so optional keys fall back to their defaults.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = EnvSchema.safeParse(present);
  if (result.success) return result.data;
  // One line per key: its first problem is the one to fix (a non-URL also fails the scheme check).
  const reasons = new Map<string, string>();
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "(root)";
    if (!reasons.has(key)) reasons.set(key, present[key] === undefined ? "missing" : issue.message);
  }
  const problems = [...reasons].map(([key, reason]) => `  - ${key}: ${reason}`);
  throw new Error(`Invalid environment configuration (${problems.length} bad key(s)):\n${problems.join("\n")}`);
}
