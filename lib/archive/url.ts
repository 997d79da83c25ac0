/** Where training snapshots live: a local folder or an S3 (or S3-compatible) bucket prefix. */
export type ArchiveLocation = { kind: "file"; root: string } | { kind: "s3"; bucket: string; prefix: string };

export function parseArchiveUrl(url: string): ArchiveLocation {
  const parsed = new URL(url);
  if (parsed.protocol === "file:") {
    return { kind: "file", root: decodeURIComponent(parsed.pathname).replace(/\/+$/, "") || "/" };
  }
  if (parsed.protocol === "s3:") {
    if (!parsed.hostname) throw new Error(`ARCHIVE_URL ${url} names no bucket`);
    const prefix = decodeURIComponent(parsed.pathname).replace(/^\/+|\/+$/g, "");
    return { kind: "s3", bucket: parsed.hostname, prefix };
  }
  throw new Error(`ARCHIVE_URL must be s3:// or file://, got ${parsed.protocol}`);
}

/**
 * Where a file sink's `s3.bucket_name` / `s3.path` land relative to ARCHIVE_URL, or null when the
 * sink writes to a bucket this archive does not cover. A file:// archive stands for the sink's bucket.
 */
export function sinkFolder(location: ArchiveLocation, bucket: string | null, sinkPath: string | null): string | null {
  const folder = (sinkPath ?? "").replace(/^\/+|\/+$/g, "");
  if (location.kind === "file") return folder;
  if (bucket !== location.bucket) return null;
  if (!location.prefix) return folder;
  return folder === location.prefix ? "" : folder.startsWith(`${location.prefix}/`) ? folder.slice(location.prefix.length + 1) : null;
}
