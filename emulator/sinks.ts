// The sinks' side effects: Redis SETs (JSON or TEMPLATE), the serving layer's cache-aside hashes,
// and the S3 file sink's rolling Parquet files.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { ArchiveWriter } from "./archive-writer";
import { encodeParquet } from "./parquet";
import type { RelationSpec } from "./pipeline";
import { jsonKey, jsonRow, renderTemplate, type Row } from "./sink-format";

/** The seed's serving pattern: one hash per user, refreshed on reads, expiring after two hours. */
export const CACHE_ASIDE = { mv: "user_features_1h", keyTemplate: "features:user:{user_id}", ttlSeconds: 7_200 } as const;

export function redisKeyFor(sink: RelationSpec, row: Row): string {
  const keyFormat = sink.formatEncodeOptions?.key_format;
  return keyFormat ? renderTemplate(keyFormat, row) : jsonKey(row, sink.columns);
}

function redisValueFor(sink: RelationSpec, row: Row): string {
  const valueFormat = sink.formatEncodeOptions?.value_format;
  return valueFormat ? renderTemplate(valueFormat, row) : jsonRow(row, sink.columns);
}

/** One pipeline per barrier, as the sink sends one pipeline per chunk. */
export async function writeRedisSink(redis: Redis, sink: RelationSpec, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const pipeline = redis.pipeline();
  for (const row of rows) pipeline.set(redisKeyFor(sink, row), redisValueFor(sink, row));
  await pipeline.exec();
}

const hashFields = (row: Row, sink: RelationSpec) =>
  Object.fromEntries(
    sink.columns
      .filter((column) => !column.primaryKey)
      .map((column) => {
        const value = row[column.name];
        return [column.name, value instanceof Date ? value.toISOString() : value === null || value === undefined ? "" : String(value)];
      }),
  );

export async function writeCacheAside(redis: Redis, mv: RelationSpec, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const pipeline = redis.pipeline();
  for (const row of rows) {
    const key = renderTemplate(CACHE_ASIDE.keyTemplate, row);
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

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The S3 file sink: rows buffer until `rollover_seconds`, then one Parquet file lands under
 * `{s3.path}/{YYYY-MM-DD}/{uuid}_{secs}_{seq}.parquet`, the day being the writer's creation day.
 */
export class FileSinkWriter {
  private readonly uuid: string;
  private readonly createdSecs: number;
  private readonly day: string;
  private seq = 0;
  private buffer: Row[] = [];
  private lastFlushMs: number;

  constructor(
    private readonly sink: RelationSpec,
    private readonly archive: ArchiveWriter,
    createdAt: Date,
  ) {
    this.uuid = uuidV7(createdAt.getTime());
    this.createdSecs = Math.floor(createdAt.getTime() / 1000);
    this.day = utcDay(createdAt);
    this.lastFlushMs = createdAt.getTime();
  }

  private get rolloverMs() {
    return Number(this.sink.connectorProps?.rollover_seconds ?? 10) * 1000;
  }

  /** The sink's s3.path relative to the archive root the app reads. */
  private get folder() {
    const path = this.sink.connectorProps?.["s3.path"] ?? "";
    return this.archive.prefix && path.startsWith(`${this.archive.prefix}/`) ? path.slice(this.archive.prefix.length + 1) : path;
  }

  append(rows: Row[]) {
    this.buffer.push(...rows);
  }

  async maybeRoll(nowMs: number, force = false): Promise<void> {
    if (this.buffer.length === 0 || (!force && nowMs - this.lastFlushMs < this.rolloverMs)) return;
    const rows = this.buffer;
    this.buffer = [];
    this.lastFlushMs = nowMs;
    const key = `${this.folder}/${this.day}/${this.uuid}_${this.createdSecs}_${this.seq++}.parquet`;
    await this.archive.put(key, encodeParquet(this.sink.columns, rows));
  }
}
