import { describe, expect, it } from "vitest";
import { parseArchiveUrl } from "./url";

describe("parseArchiveUrl", () => {
  it("reads a local folder", () => {
    expect(parseArchiveUrl("file:///tmp/tideline-archive/")).toEqual({ kind: "file", root: "/tmp/tideline-archive" });
  });
  it("reads a bucket with a prefix", () => {
    expect(parseArchiveUrl("s3://feature-snapshots/prod/v1/")).toEqual({ kind: "s3", bucket: "feature-snapshots", prefix: "prod/v1" });
  });
  it("reads a bare bucket", () => {
    expect(parseArchiveUrl("s3://feature-snapshots")).toEqual({ kind: "s3", bucket: "feature-snapshots", prefix: "" });
  });
  it("rejects other schemes", () => {
    expect(() => parseArchiveUrl("gs://bucket/x")).toThrowError(/s3:\/\/ or file:\/\//);
  });
});
