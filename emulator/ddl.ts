// The DDL the blue-green checklist asks users to run, as the emulator accepts it: CREATE SINK … FROM,
// DROP SINK, DROP MATERIALIZED VIEW. Pure parsing; the running emulator applies the result.
import { withFormatDefaults, type RelationSpec } from "./pipeline";

export type SinkStatement = {
  kind: "create sink";
  name: string;
  schema: string;
  from: string;
  fromSchema: string;
  connectorProps: Record<string, string>;
  format: string | null;
  encode: string | null;
  formatOptions: Record<string, string>;
  /** The statement as RisingWave stores it in `definition`: without the trailing semicolon. */
  definition: string;
};
export type DropStatement = { kind: "drop"; relationType: "sink" | "materialized view"; name: string; schema: string; ifExists: boolean };
export type DdlStatement = SinkStatement | DropStatement;

/** Statements of a script: split at semicolons outside quotes, `--` comments dropped. */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = "";
  let quote: "'" | '"' | null = null;
  for (let index = 0; index < script.length; index++) {
    const char = script[index]!;
    if (quote) {
      current += char;
      if (char === quote) quote = null;
      continue;
    }
    if (char === "-" && script[index + 1] === "-") {
      const end = script.indexOf("\n", index);
      index = end === -1 ? script.length : end;
      current += "\n";
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    if (char === ";") {
      statements.push(current.trim());
      current = "";
      continue;
    }
    current += char;
  }
  if (quote) throw new Error(`unterminated ${quote === "'" ? "string" : "quoted identifier"} in: ${current.trim().slice(0, 80)}`);
  statements.push(current.trim());
  return statements.filter((statement) => statement.length > 0);
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const NAME = `(${IDENT}(?:\\.${IDENT})?)`;

/** `risk."My MV"` → { schema: "risk", name: "My MV" }; unquoted parts fold to lower case. */
export function parseName(text: string): { schema: string; name: string } {
  const parts = [...text.matchAll(new RegExp(IDENT, "g"))].map(([part]) =>
    part.startsWith('"') ? part.slice(1, -1).replaceAll('""', '"') : part.toLowerCase(),
  );
  return parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { schema: "public", name: parts[0]! };
}

/** `k = 'v', k2 = 'v2'` → { k: "v", k2: "v2" }; anything else in the list is an error. */
export function parseOptions(list: string): Record<string, string> {
  const options: Record<string, string> = {};
  const pattern = /\s*([A-Za-z_][\w.]*)\s*=\s*'((?:[^']|'')*)'\s*(,|$)/y;
  let position = 0;
  while (list.slice(position).trim() !== "") {
    pattern.lastIndex = position;
    const match = pattern.exec(list);
    if (!match) throw new Error(`cannot read the options near: ${list.slice(position).trim().slice(0, 60)}`);
    options[match[1]!.toLowerCase()] = match[2]!.replaceAll("''", "'");
    position = pattern.lastIndex;
    if (match[3] === "") break;
  }
  return options;
}

const CREATE_SINK = new RegExp(
  String.raw`^CREATE\s+SINK\s+${NAME}\s+FROM\s+${NAME}\s+WITH\s*\(([\s\S]*?)\)\s*(?:FORMAT\s+(\w+)\s+ENCODE\s+(\w+)\s*(?:\(([\s\S]*)\))?)?$`,
  "i",
);
const DROP = new RegExp(String.raw`^DROP\s+(SINK|MATERIALIZED\s+VIEW)\s+(IF\s+EXISTS\s+)?${NAME}$`, "i");

/** One statement; anything but the three forms is refused with the reason. */
export function parseDdl(statement: string): DdlStatement {
  const text = statement.trim().replace(/;$/, "").trim();
  const drop = DROP.exec(text);
  if (drop) {
    const { schema, name } = parseName(drop[3]!);
    return {
      kind: "drop",
      relationType: /^sink$/i.test(drop[1]!) ? "sink" : "materialized view",
      schema,
      name,
      ifExists: Boolean(drop[2]),
    };
  }
  const sink = CREATE_SINK.exec(text);
  if (sink) {
    const target = parseName(sink[1]!);
    const from = parseName(sink[2]!);
    const connectorProps = parseOptions(sink[3]!);
    if (!connectorProps.connector) throw new Error(`CREATE SINK ${target.name}: the WITH options need a connector`);
    return {
      kind: "create sink",
      ...target,
      from: from.name,
      fromSchema: from.schema,
      connectorProps,
      format: sink[4]?.toUpperCase() ?? null,
      encode: sink[5]?.toUpperCase() ?? null,
      formatOptions: sink[6] ? parseOptions(sink[6]) : {},
      definition: text,
    };
  }
  throw new Error(
    `the emulator runs CREATE SINK … FROM …, DROP SINK and DROP MATERIALIZED VIEW; not: ${text.replace(/\s+/g, " ").slice(0, 80)}`,
  );
}

/** The sink a CREATE SINK makes: the MV's columns; an UPSERT format (or `type = 'upsert'`) deletes keys. */
export function sinkSpec(statement: SinkStatement, from: RelationSpec, id: number): RelationSpec {
  const upsert = statement.format === "UPSERT" || statement.connectorProps.type === "upsert";
  return {
    id,
    name: statement.name,
    schema: statement.schema,
    kind: "sink",
    columns: from.columns,
    upstream: [from.name],
    connector: statement.connectorProps.connector!.toUpperCase(),
    connectorProps: statement.connectorProps,
    formatEncodeOptions: statement.format ? withFormatDefaults(statement.formatOptions) : null,
    sinkType: upsert ? "SINK_TYPE_UPSERT" : "SINK_TYPE_APPEND_ONLY",
    upsert,
    definition: statement.definition,
  };
}
