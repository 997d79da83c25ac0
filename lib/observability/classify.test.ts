import { describe, expect, it } from "vitest";
import { classifyFreshness, severityRank } from "./classify";

describe("classifyFreshness", () => {
  it("is unknown when freshness cannot be measured", () => {
    expect(classifyFreshness(null, 300)).toBe("unknown");
    expect(classifyFreshness(null, 300, "breach")).toBe("unknown");
    expect(classifyFreshness(Number.NaN, 300)).toBe("unknown");
  });

  it("is ok below 80%, warning from 80%, breach above the SLA", () => {
    expect(classifyFreshness(0, 300)).toBe("ok");
    expect(classifyFreshness(239, 300)).toBe("ok");
    expect(classifyFreshness(240, 300)).toBe("warning");
    expect(classifyFreshness(300, 300)).toBe("warning");
    expect(classifyFreshness(301, 300)).toBe("breach");
  });

  it("keeps a breach until freshness is back under 90% of the SLA", () => {
    expect(classifyFreshness(290, 300, "breach")).toBe("breach");
    expect(classifyFreshness(271, 300, "breach")).toBe("breach");
    expect(classifyFreshness(270, 300, "breach")).toBe("warning");
    expect(classifyFreshness(100, 300, "breach")).toBe("ok");
  });

  it("keeps a warning until freshness is back under 70%", () => {
    expect(classifyFreshness(220, 300, "warning")).toBe("warning");
    expect(classifyFreshness(209, 300, "warning")).toBe("ok");
    expect(classifyFreshness(220, 300, "ok")).toBe("ok");
  });

  it("does not flap for a group hovering at the limit", () => {
    const series = [295, 305, 298, 302, 296, 301, 299];
    let status = classifyFreshness(series[0]!, 300);
    const statuses = [status];
    for (const value of series.slice(1)) statuses.push((status = classifyFreshness(value, 300, status)));
    expect(statuses).toEqual(["warning", "breach", "breach", "breach", "breach", "breach", "breach"]);
  });

  it("sorts breach first", () => {
    expect(["ok", "unknown", "breach", "warning"].sort((a, b) => severityRank(a as never) - severityRank(b as never))).toEqual([
      "breach",
      "warning",
      "unknown",
      "ok",
    ]);
  });
});
