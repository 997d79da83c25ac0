import { describe, expect, it } from "vitest";
import { parseProgress } from "./progress";

describe("parseProgress", () => {
  it.each([
    ["12.34% (1234/10000)", { kind: "percent", percent: 12.34, done: 1234, total: 10000 }],
    ["99.99%", { kind: "percent", percent: 99.99 }],
    ["100%", { kind: "percent", percent: 100 }],
    ["0.0%", { kind: "percent", percent: 0 }],
    ["530 rows consumed", { kind: "rows", rows: 530 }],
    ["77 consumed rows", { kind: "rows", rows: 77 }],
    ["MView Backfill: 50.00% (5/10), Source Backfill: 100 rows consumed", { kind: "percent", percent: 50, done: 5, total: 10 }],
    ["Initializing CDC source...", { kind: "phase", phase: "initializing" }],
    ["Err[connection reset]", { kind: "error" }],
    ["Snapshot [42.00% (42/100)]", { kind: "phase", phase: "snapshot", percent: 42 }],
    ["Snapshot finished", { kind: "phase", phase: "snapshot-finished" }],
    ["LogStore [actor: 3/4, avg lag 1.2s]", { kind: "phase", phase: "log-store" }],
    ["Finishing [epoch lag: 1000]", { kind: "phase", phase: "finishing" }],
    ["Resetting", { kind: "phase", phase: "resetting" }],
    ["something new", { kind: "unknown" }],
  ])("%s", (text, expected) => {
    expect(parseProgress(text)).toMatchObject({ ...expected, text });
  });
});
