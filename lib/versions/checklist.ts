/** One step of the blue-green switch: what to do, the SQL to run in RisingWave (Tideline never writes there), done or not. */
export type ChecklistStep = { title: string; sql: string | null; done: boolean };

type Mv = { name: string; definition: string; sinks: { name: string; definition: string }[] };
const word = (name: string) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g");

/** A sink's name for the candidate: user_features_to_redis → user_features_to_redis_v2. */
export const candidateSinkName = (sink: string, candidate: string) => `${sink}_${/_(v\d+)$/.exec(candidate)?.[1] ?? "new"}`;

/**
 * The article's schema evolution as a checklist (create <mv>_v2 from v1's definition with the change,
 * its sinks, wait until caught up, switch serving, drop v1's sinks and v1), each step's SQL with the
 * names filled in, and done when the catalog (or the registry, for the switch) shows it.
 */
export function blueGreenChecklist(input: {
  serving: Mv;
  candidate: { name: string; exists: boolean; sinks: string[] };
  caughtUp: boolean;
  /** The MV the registry serves now. */
  registryServes: string;
  /** Names of v1's relations still in the catalog (its MV and sinks). */
  remaining: Set<string>;
}): ChecklistStep[] {
  const { serving, candidate } = input;
  const switched = input.registryServes === candidate.name;
  const createMv = serving.definition.replace(
    /^(\s*CREATE\s+MATERIALIZED\s+VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?)(\S+)/i,
    (_match, head: string) => `${head}${candidate.name}`,
  );
  const createSinks = serving.sinks.map((sink) =>
    sink.definition.replace(word(sink.name), candidateSinkName(sink.name, candidate.name)).replace(word(serving.name), candidate.name),
  );
  return [
    {
      title: `Create ${candidate.name} from ${serving.name}'s definition, with your change (it backfills while ${serving.name} serves)`,
      sql: serving.definition ? createMv.trim().replace(/;?$/, ";") : null,
      done: candidate.exists,
    },
    {
      title: `Create ${candidate.name}'s sinks`,
      sql: createSinks.length === 0 ? null : createSinks.map((statement) => statement.trim().replace(/;?$/, ";")).join("\n\n"),
      done: candidate.exists && candidate.sinks.length >= serving.sinks.length,
    },
    { title: `Wait until ${candidate.name} has caught up (the verdict below)`, sql: null, done: input.caughtUp || switched },
    { title: `Switch serving to ${candidate.name} in Tideline (reversible)`, sql: null, done: switched },
    {
      title: `Drop ${serving.name}'s sinks`,
      sql: serving.sinks.length === 0 ? null : serving.sinks.map((sink) => `DROP SINK ${sink.name};`).join("\n"),
      done: switched && serving.sinks.every((sink) => !input.remaining.has(sink.name)),
    },
    { title: `Drop ${serving.name}`, sql: `DROP MATERIALIZED VIEW ${serving.name};`, done: switched && !input.remaining.has(serving.name) },
  ];
}
