// The sinks' side effects: Redis SET/DEL (JSON or TEMPLATE), the serving layer's cache-aside hashes,
// and the S3 file sink's rolling Parquet files.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { ArchiveWriter } from "./archive-writer";
import { encodeParquet } from "./parquet";
import type { RelationSpec } from "./pipeline";
import { jsonKey, jsonRow, renderTemplate, textValue, type Row } from "./sink-format";

/** The article's serving pattern: one hash per user, refreshed on reads, expiring after two hours. */
export const CACHE_ASIDE = { mv: "user_features_1h", keyTemplate: "features:user:{user_id}", ttlSeconds: 7_200 } as const;

export function redisKeyFor(sink: RelationSpec, row: Row): string {
  const keyFormat = sink.formatEncodeOptions?.key_format;
  return keyFormat ? renderTemplate(keyFormat, row, sink.columns) : jsonKey(row, sink.columns);
}

function redisValueFor(sink: RelationSpec, row: Row): string {
  const valueFormat = sink.formatEncodeOptions?.value_format;
  return valueFormat ? renderTemplate(valueFormat, row, sink.columns) : jsonRow(row, sink.columns);
}

/**
 * One pipeline per barrier, as the sink sends one pipeline per chunk: SET for inserted and updated
 * rows; FORMAT UPSERT turns deleted rows into DEL (§11.4), FORMAT PLAIN drops them.
 */
export async function writeRedisSink(redis: Redis, sink: RelationSpec, rows: Row[], deleted: Row[] = []): Promise<void> {
  const deletes = sink.upsert ? deleted : [];
  if (rows.length === 0 && deletes.length === 0) return;
  const pipeline = redis.pipeline();
  for (const row of deletes) pipeline.del(redisKeyFor(sink, row));
  for (const row of rows) pipeline.set(redisKeyFor(sink, row), redisValueFor(sink, row));
  await pipeline.exec();
}

/** The serving layer's hash: every non-key column as text, NULL as "". */
const hashFields = (row: Row, mv: RelationSpec) =>
  Object.fromEntries(
    mv.columns
      .filter((column) => !column.primaryKey)
      .map((column) => {
        const value = row[column.name];
        return [
          column.name,
          value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : textValue(value, column.type),
        ];
      }),
  );

export async function writeCacheAside(redis: Redis, mv: RelationSpec, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const pipeline = redis.pipeline();
  for (const row of rows) {
    const key = renderTemplate(CACHE_ASIDE.keyTemplate, row, mv.columns);
    pipeline.hset(key, hashFields(row, mv));
    pipeline.expire(key, CACHE_ASIDE.ttlSeconds);
  }
  await pipeline.exec();
}

/** UUID v7: 48-bit millisecond time, then random bits (RisingWave names writer files with one). */
export function uuidV7(nowMs: number): string {
  const bytes = randomBytes(16);
  const time = BigInt(nowMs);
  for (let index = 0; index < 6; index++) bytes[index] = Number((time >> BigInt(8 * (5 - index))) & 0xffn);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One sink writer (actor): its own UUID, a file sequence, and the file it has open. */
class FileWriter {
  readonly uuid: string;
  private seq = 0;
  private buffer: Row[] = [];
  /** When the open file was created: its day folder and `_{secs}_` come from it (§11.5). */
  private openedMs: number | null = null;

  constructor(createdMs: number) {
    this.uuid = uuidV7(createdMs);
  }

  append(rows: Row[], nowMs: number) {
    if (rows.length === 0) return;
    this.openedMs ??= nowMs;
    this.buffer.push(...rows);
  }

  /** Closes the open file when `rollover_seconds` have passed since it was opened; returns its name and rows. */
  roll(nowMs: number, rolloverMs: number, force: boolean): { name: string; rows: Row[] } | null {
    if (this.openedMs === null || (!force && nowMs - this.openedMs < rolloverMs)) return null;
    const name = `${utcDay(this.openedMs)}/${this.uuid}_${Math.floor(this.openedMs / 1000)}_${this.seq++}.parquet`;
    const rows = this.buffer;
    this.buffer = [];
    this.openedMs = null;
    return { name, rows };
  }
}

/** Writers (actors) per file sink: each writes its share of the rows to files of its own. */
export const FILE_SINK_WRITERS = 2;

/**
 * The S3 file sink: each writer buffers its rows and, `rollover_seconds` after opening a file, puts
 * `{s3.path}/{YYYY-MM-DD}/{uuid}_{secs}_{seq}.parquet`, the day and secs being the file's own
 * creation time (UTC), so files after midnight land in the new day's folder.
 */
export class FileSinkWriter {
  private readonly writers: FileWriter[];

  constructor(
    private readonly sink: RelationSpec,
    private readonly archive: ArchiveWriter,
    createdAt: Date,
  ) {
    this.writers = Array.from({ length: FILE_SINK_WRITERS }, () => new FileWriter(createdAt.getTime()));
  }

  private get rolloverMs() {
    return Number(this.sink.connectorProps?.rollover_seconds ?? 10) * 1000;
  }

  /** The sink's s3.path relative to the archive root the app reads. */
  private get folder() {
    const path = (this.sink.connectorProps?.["s3.path"] ?? "").replace(/\/+$/, "");
    return this.archive.prefix && path.startsWith(`${this.archive.prefix}/`) ? path.slice(this.archive.prefix.length + 1) : path;
  }

  /** Rows are spread over the writers by their first key column, as vnodes spread them over actors. */
  append(rows: Row[], nowMs: number) {
    const key = this.sink.columns.find((column) => column.primaryKey)?.name ?? "";
    const shares = this.writers.map(() => [] as Row[]);
    for (const row of rows) shares[Number(BigInt(String(row[key] ?? 0)) % BigInt(this.writers.length))]?.push(row);
    this.writers.forEach((writer, index) => writer.append(shares[index] ?? [], nowMs));
  }

  async maybeRoll(nowMs: number, force = false): Promise<void> {
    for (const writer of this.writers) {
      const file = writer.roll(nowMs, this.rolloverMs, force);
      if (file) await this.archive.put(`${this.folder}/${file.name}`, encodeParquet(this.sink.columns, file.rows));
    }
  }
}
