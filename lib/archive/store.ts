import "server-only";
import { open, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { env } from "../env";
import { BackendGate } from "../health/backend-gate";
import { parseArchiveUrl, type ArchiveLocation } from "./url";

export type ArchiveObject = { key: string; size: number; lastModified: Date };

/** Read access to the snapshot archive; keys are relative to ARCHIVE_URL's root or prefix. */
export type ArchiveStore = {
  location: ArchiveLocation;
  /** Every object whose key starts with `prefix` (a folder, without the trailing slash is fine). */
  list(prefix: string): Promise<ArchiveObject[]>;
  read(key: string): Promise<ArrayBuffer>;
  /** Bytes [start, end) of an object: Parquet footers and single row groups without the whole file. */
  readRange(key: string, start: number, end: number): Promise<ArrayBuffer>;
  /** Resolves when the archive root is reachable; cheap (one stat or one single-key listing). */
  probe(): Promise<void>;
};

function fileStore(location: Extract<ArchiveLocation, { kind: "file" }>): ArchiveStore {
  const resolve = (key: string) => {
    const full = path.resolve(location.root, key);
    if (full !== location.root && !full.startsWith(location.root + path.sep)) {
      throw new Error(`archive key escapes the archive root: ${key}`);
    }
    return full;
  };
  return {
    location,
    async list(prefix) {
      const base = resolve(prefix);
      const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return [];
        throw error;
      });
      const files = entries.filter((entry) => entry.isFile());
      return Promise.all(
        files.map(async (entry) => {
          const full = path.join(entry.parentPath, entry.name);
          const info = await stat(full);
          return { key: path.relative(location.root, full), size: info.size, lastModified: info.mtime };
        }),
      );
    },
    async read(key) {
      const buffer = await readFile(resolve(key));
      return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
    },
    async readRange(key, start, end) {
      const handle = await open(resolve(key), "r");
      try {
        const buffer = Buffer.alloc(Math.max(0, end - start));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
        return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + bytesRead) as ArrayBuffer;
      } finally {
        await handle.close();
      }
    },
    async probe() {
      const info = await stat(location.root);
      if (!info.isDirectory()) throw new Error(`${location.root} is not a directory`);
    },
  };
}

function s3Store(location: Extract<ArchiveLocation, { kind: "s3" }>): ArchiveStore {
  const client = new S3Client({
    region: env.AWS_REGION,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT, forcePathStyle: true } : {}),
    maxAttempts: 2,
    // The SDK's defaults wait minutes for an endpoint that accepts and never answers.
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
  });
  const answered = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== undefined;
  // Any HTTP answer, even 403, means the store is reachable again.
  const probe = () =>
    client.send(new ListObjectsV2Command({ Bucket: location.bucket, MaxKeys: 1 })).catch((error: unknown) => {
      if (!answered(error)) throw error;
    });
  const gate = new BackendGate("archive", probe, { probeEveryMs: 5_000, probeTimeoutMs: 2_500 });
  /**
   * Every S3 call: an answer without an HTTP status (refused, reset, timed out) means the store is
   * unreachable, closes the gate and is a 503; S3's own errors (403, 404) pass through.
   */
  const send: typeof client.send = ((command: Parameters<typeof client.send>[0]) =>
    gate.guard(
      () => client.send(command),
      (error) => (answered(error) ? "error" : "down"),
    )) as typeof client.send;
  const fullKey = (key: string) => [location.prefix, key].filter(Boolean).join("/");
  const get = async (key: string, range?: string) => {
    const response = await send(new GetObjectCommand({ Bucket: location.bucket, Key: fullKey(key), ...(range ? { Range: range } : {}) }));
    if (!response.Body) throw new Error(`empty archive object ${key}`);
    const bytes = await response.Body.transformToByteArray();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  };
  return {
    location,
    async list(prefix) {
      const objects: ArchiveObject[] = [];
      let continuationToken: string | undefined;
      do {
        const page = await send(
          new ListObjectsV2Command({ Bucket: location.bucket, Prefix: fullKey(prefix), ContinuationToken: continuationToken }),
        );
        for (const item of page.Contents ?? []) {
          if (!item.Key) continue;
          const key = location.prefix ? item.Key.slice(location.prefix.length + 1) : item.Key;
          objects.push({ key, size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) });
        }
        continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (continuationToken);
      return objects;
    },
    async read(key) {
      return get(key);
    },
    async readRange(key, start, end) {
      return get(key, `bytes=${start}-${end - 1}`);
    },
    async probe() {
      await send(new ListObjectsV2Command({ Bucket: location.bucket, Prefix: location.prefix, MaxKeys: 1 }));
    },
  };
}

const cache = globalThis as unknown as { archive?: ArchiveStore };

export function getArchive(): ArchiveStore {
  if (!cache.archive) {
    const location = parseArchiveUrl(env.ARCHIVE_URL);
    cache.archive = location.kind === "file" ? fileStore(location) : s3Store(location);
  }
  return cache.archive;
}
