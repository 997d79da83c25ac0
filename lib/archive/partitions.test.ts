import { describe, expect, it } from "vitest";
import { changeFiles, groupPartitions, missingDays, partitionOf } from "./partitions";
import { sinkFolder } from "./url";

const object = (key: string, size = 100) => ({ key, size, lastModified: new Date(0) });

describe("archive partitions", () => {
  it("recognises both layouts of the contract and ignores everything else", () => {
    expect(partitionOf("snapshots/uf", "snapshots/uf/date=2026-11-24/part-00000.parquet")).toEqual({
      partition: "date=2026-11-24",
      day: "2026-11-24",
      layout: "hive",
    });
    expect(partitionOf("sinks/uf", "sinks/uf/2026-11-24/0193_1732400000_3.parquet")).toMatchObject({
      day: "2026-11-24",
      layout: "risingwave-day",
    });
    expect(partitionOf("sinks/uf", "sinks/uf//2026-11-24 13:00/x.parquet")).toMatchObject({ day: "2026-11-24", layout: "risingwave-hour" });
    expect(partitionOf("sinks/uf", "sinks/uf//2026-11/x.parquet")).toMatchObject({ day: null, layout: "risingwave-month" });
    expect(partitionOf("sinks/uf", "sinks/other/2026-11-24/x.parquet")).toBeNull();
    expect(partitionOf("sinks/uf", "sinks/uf/date={snapshot_date}/x.parquet")).toBeNull();
  });

  it("groups files per day with bytes, newest first, and finds the days without a partition", () => {
    const partitions = groupPartitions("s", [
      object("s/date=2026-11-20/a.parquet"),
      object("s/date=2026-11-23/a.parquet", 50),
      object("s/date=2026-11-23/b.parquet", 25),
      object("s/date=2026-11-23/_SUCCESS"),
    ]);
    expect(partitions.map((partition) => [partition.partition, partition.files.length, partition.bytes])).toEqual([
      ["date=2026-11-23", 2, 75],
      ["date=2026-11-20", 1, 100],
    ]);
    expect(missingDays(partitions)).toEqual(["2026-11-21", "2026-11-22"]);
    expect(missingDays([])).toEqual([]);
  });

  it("maps a file sink's bucket and path onto the archive", () => {
    expect(sinkFolder({ kind: "file", root: "/data" }, "any", "/sinks/uf/")).toBe("sinks/uf");
    expect(sinkFolder({ kind: "s3", bucket: "b", prefix: "" }, "b", "sinks/uf")).toBe("sinks/uf");
    expect(sinkFolder({ kind: "s3", bucket: "b", prefix: "lake" }, "b", "lake/sinks/uf")).toBe("sinks/uf");
    expect(sinkFolder({ kind: "s3", bucket: "b", prefix: "lake" }, "other", "lake/sinks/uf")).toBeNull();
  });

  it("orders a file sink's change files by (secs, seq) numerically across writers and days, never by string", () => {
    const writerA = "01a227bf-942f-7ea7-907f-69673e6d23ed";
    const writerB = "01a227bf-a291-7928-b4fb-f4950bbb0e8f";
    const files = changeFiles("s", [
      object(`s/2026-11-30/${writerA}_1796083205_10.parquet`),
      object(`s/2026-11-29/${writerA}_1796083190_9.parquet`),
      object(`s/2026-11-29/${writerB}_1796083195_2.parquet`),
      object(`s/2026-11-30/${writerB}_1796083205_3.parquet`),
      object("s/date=2026-11-29/part-00000.parquet"),
    ]);
    expect(files.map((file) => `${file.day} ${file.secs}_${file.seq}`)).toEqual([
      "2026-11-29 1796083190_9",
      "2026-11-29 1796083195_2",
      "2026-11-30 1796083205_3",
      "2026-11-30 1796083205_10",
    ]);
  });
});
