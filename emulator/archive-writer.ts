// Writes objects into the archive the app reads: a local folder (file://) or an S3-compatible bucket.
import { mkdir, writeFile, access } from "node:fs/promises";
import path from "node:path";
import { HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

export type ArchiveWriter = {
  bucket: string;
  /** Prefix inside the bucket that every key is relative to ("" for a local folder). */
  prefix: string;
  put(key: string, body: Uint8Array): Promise<void>;
  exists(key: string): Promise<boolean>;
};

export function createArchiveWriter(archiveUrl: string, s3Endpoint?: string, region = "us-east-1"): ArchiveWriter {
  const url = new URL(archiveUrl);
  if (url.protocol === "file:") {
    const root = decodeURIComponent(url.pathname);
    return {
      bucket: path.basename(root) || "archive",
      prefix: "",
      async put(key, body) {
        const full = path.join(root, key);
        await mkdir(path.dirname(full), { recursive: true });
        // Write then rename would be atomic; a partial file is acceptable for an emulator's rollover.
        await writeFile(full, body);
      },
      exists: (key) =>
        access(path.join(root, key)).then(
          () => true,
          () => false,
        ),
    };
  }
  const bucket = url.hostname;
  const prefix = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, "");
  const client = new S3Client({ region, ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}) });
  const fullKey = (key: string) => [prefix, key].filter(Boolean).join("/");
  return {
    bucket,
    prefix,
    async put(key, body) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: fullKey(key), Body: body }));
    },
    exists: (key) =>
      client.send(new HeadObjectCommand({ Bucket: bucket, Key: fullKey(key) })).then(
        () => true,
        () => false,
      ),
  };
}
