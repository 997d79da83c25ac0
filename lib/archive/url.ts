/** Where training snapshots live: a local folder or an S3 (or S3-compatible) bucket prefix. */
export type ArchiveLocation =
  | { kind: "file"; root: string }
  | { kind: "s3"; bucket: string; prefix: string };

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
