// The RisingWave emulator's command line.
//   npm run emulator                          run the emulated cluster (until SIGTERM / Ctrl-C)
//   npm run emulator -- --groups 1000 --entities 100 --rate 300
//   npm run emulator -- stall <mv|source>     stop an MV's epoch and rows (a source: its consumer)
//   npm run emulator -- resume <name|all>     end every fault on a name
//   npm run emulator -- lag <source> [messages]        hold the consumer N messages behind
//   npm run emulator -- drift <mv> [stale|missing]     make Redis disagree with the MV
//   npm run emulator -- fail-sink <sink> [error]       SINK_FAIL events; the sink stops writing
//   npm run emulator -- shift <mv> <column> <factor>   multiply a numeric column (the feature's distribution shifts)
//   npm run emulator -- backfill <mv>         CREATE MATERIALIZED VIEW <mv>_v2 with backfill progress
//   npm run emulator -- sql "<statements>"    run CREATE SINK … FROM …, DROP SINK, DROP MATERIALIZED VIEW (- reads stdin)
//   npm run emulator -- prometheus-down       rw_kafka_job_lag fails ("failed to query Prometheus"); resume prometheus
//   npm run emulator -- clock <+2h|-30m|midnight|0>   move the cluster's clock (midnight: 30 s before the next UTC midnight)
//   npm run emulator -- status                list active faults
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Pool } from "pg";
import { loadEnvDefaults } from "../lib/env-file";
import { DEFAULT_OPTIONS, Emulator } from "./emulator";
import { queueDdl } from "./ddl-command";
import { clearFaults, parseClockOffset, readFaults, setFault, type FaultKind } from "./faults";

function loadEnv() {
  loadEnvDefaults();
  const required = (key: string) => {
    const value = process.env[key];
    if (!value) throw new Error(`${key} is not set (see .env.example)`);
    return value;
  };
  return {
    risingwaveUrl: required("RISINGWAVE_URL"),
    redisUrl: required("REDIS_URL"),
    archiveUrl: required("ARCHIVE_URL"),
    s3Endpoint: process.env.S3_ENDPOINT || undefined,
    region: process.env.AWS_REGION || "us-east-1",
  };
}

const USAGE =
  "usage: npm run emulator -- [run] [--groups N] [--entities M] [--rate R] | stall|resume|lag|drift|fail-sink|backfill <name> [arg] | sql '<statements>' | shift <mv> <column> <factor> | prometheus-down | clock <offset|midnight> | status";

const RELATION_KINDS: Record<string, string[]> = {
  stall: ["materialized view", "source"],
  lag: ["source"],
  drift: ["materialized view"],
  shift: ["materialized view"],
  "fail-sink": ["sink"],
  backfill: ["materialized view"],
};

const NUMERIC_TYPES = ["bigint", "integer", "numeric", "double precision", "real", "smallint"];

async function runFaultCommand(
  command: string,
  target: string | undefined,
  argument: string | undefined,
  factor: string | undefined,
  url: string,
) {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    if (command === "status") {
      const faults = await readFaults(pool);
      console.log(
        faults.length === 0
          ? "no active faults"
          : faults.map((f) => `${f.kind} ${f.target} ${JSON.stringify(f.params)} since ${f.createdAt.toISOString()}`).join("\n"),
      );
      return;
    }
    if (command === "prometheus-down") {
      await setFault(pool, "prometheus-down", "prometheus");
      console.log("prometheus-down: rw_kafka_job_lag now fails until `resume prometheus`");
      return;
    }
    if (!target) throw new Error(USAGE);
    if (command === "clock") {
      const offsetMs = parseClockOffset(target);
      await setFault(pool, "clock", "cluster", { offsetMs });
      console.log(
        `clock: the cluster runs ${offsetMs / 1000} s ${offsetMs >= 0 ? "ahead of" : "behind"} the wall clock from the next barrier`,
      );
      return;
    }
    if (command === "sql") {
      const script = target === "-" ? readFileSync(0, "utf8") : target;
      const queued = await queueDdl(pool, script);
      console.log(`${queued.join("; ")}: queued, run at the next barrier`);
      return;
    }
    if (command === "resume") {
      console.log(`resumed ${target}: ${await clearFaults(pool, target)} fault(s) ended`);
      return;
    }
    const kinds = RELATION_KINDS[command];
    if (!kinds) throw new Error(`unknown command ${command}\n${USAGE}`);
    // A CDC table and its hidden source share a name: any of the name's relations may fit.
    const { rows } = await pool.query<{ relation_type: string }>("SELECT relation_type FROM rw_catalog.rw_relations WHERE name = $1", [
      target,
    ]);
    const kind = rows.find((row) => kinds.includes(row.relation_type))?.relation_type ?? rows[0]?.relation_type;
    if (!kind || !kinds.includes(kind))
      throw new Error(`${command} needs a ${kinds.join(" or ")}; ${target} is ${kind ? `a ${kind}` : "not in rw_catalog.rw_relations"}`);
    const params: Record<string, unknown> = {};
    if (command === "lag") params.messages = Number(argument ?? 50_000);
    if (command === "drift") params.mode = argument === "missing" ? "missing" : "stale";
    if (command === "fail-sink") params.error = argument ?? "Redis error: connection refused (os error 111)";
    if (command === "shift") {
      const column = await pool.query<{ data_type: string }>(
        "SELECT c.data_type FROM rw_catalog.rw_columns AS c JOIN rw_catalog.rw_relations AS r ON r.id = c.relation_id WHERE r.name = $1 AND c.name = $2",
        [target, argument ?? ""],
      );
      const type = column.rows[0]?.data_type;
      if (!type || !NUMERIC_TYPES.includes(type))
        throw new Error(`shift needs a numeric column of ${target}; ${argument ?? "(none)"} is ${type ?? "not a column of it"}`);
      const multiplier = Number(factor);
      if (!Number.isFinite(multiplier) || multiplier <= 0)
        throw new Error(`shift needs a positive factor, like 3 or 0.5; got ${factor ?? "none"}`);
      Object.assign(params, { column: argument, factor: multiplier });
    }
    if (command === "backfill") {
      const exists = await pool.query("SELECT 1 FROM rw_catalog.rw_relations WHERE name = $1", [`${target}_v2`]);
      if (exists.rowCount) throw new Error(`${target}_v2 already exists`);
    }
    await setFault(pool, command as FaultKind, target, params);
    console.log(`${command} ${target} ${JSON.stringify(params)}: applied at the next barrier`);
  } finally {
    await pool.end();
  }
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      groups: { type: "string" },
      entities: { type: "string" },
      rate: { type: "string" },
      users: { type: "string" },
      seed: { type: "string" },
      "backfill-seconds": { type: "string" },
    },
  });
  const env = loadEnv();
  const [command = "run", target, argument, factor] = positionals;
  if (command !== "run") return runFaultCommand(command, target, argument, factor, env.risingwaveUrl);

  const bootStartedAt = Date.now();
  const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  const emulator = await Emulator.create({
    ...DEFAULT_OPTIONS,
    ...env,
    rate: number(values.rate, DEFAULT_OPTIONS.rate),
    users: number(values.users, DEFAULT_OPTIONS.users),
    extraGroups: number(values.groups, DEFAULT_OPTIONS.extraGroups),
    entitiesPerGroup: number(values.entities, DEFAULT_OPTIONS.entitiesPerGroup),
    seed: number(values.seed, DEFAULT_OPTIONS.seed),
    backfillSeconds: number(values["backfill-seconds"], DEFAULT_OPTIONS.backfillSeconds),
    log: (message) => console.log(`[emulator] ${new Date().toISOString()} ${message}`),
  });
  emulator.start();
  console.log(
    `[emulator] RisingWave 3.0.3 emulator running on ${new URL(env.risingwaveUrl).pathname.slice(1)}: ${emulator.layout.relations.size} relations (started in ${((Date.now() - bootStartedAt) / 1000).toFixed(1)} s)`,
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[emulator] ${signal}: stopping after the current barrier`);
    await emulator.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`[emulator] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof Error && error.message.startsWith("usage") ? 2 : 1);
});
