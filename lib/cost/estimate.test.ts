import { describe, expect, it } from "vitest";
import { costCsv, estimateCosts } from "./estimate";

const GB = 1024 ** 3;
const prices = { redis: 10, risingwave: 0.5, archive: 0.02 };

describe("estimateCosts", () => {
  it("prices each store's bytes per GB-month, sums teams and the total, largest first", () => {
    const report = estimateCosts(
      [
        { group: "small", owner: "a@x", redisBytes: GB / 2, risingwaveBytes: 0, archiveBytes: null },
        { group: "big", owner: "b@x", redisBytes: 2 * GB, risingwaveBytes: 4 * GB, archiveBytes: 100 * GB },
        { group: "other", owner: "a@x", redisBytes: null, risingwaveBytes: 2 * GB, archiveBytes: 0 },
      ],
      prices,
    );
    expect(report.groups.map((group) => [group.group, group.monthly])).toEqual([
      ["big", 20 + 2 + 2],
      ["small", 5],
      ["other", 1],
    ]);
    expect(report.groups[0]).toMatchObject({ redisMonthly: 20, risingwaveMonthly: 2, archiveMonthly: 2 });
    expect(report.teams).toEqual([
      { owner: "b@x", groups: 1, monthly: 24 },
      { owner: "a@x", groups: 2, monthly: 6 },
    ]);
    expect(report.total).toEqual({ monthly: 30, redis: 25, risingwave: 3, archive: 2 });
  });

  it("is empty without groups", () => {
    expect(estimateCosts([], prices)).toEqual({ groups: [], teams: [], total: { monthly: 0, redis: 0, risingwave: 0, archive: 0 } });
  });
});

describe("costCsv", () => {
  it("writes a header and one row a group, unknown bytes empty, text quoted and formula-safe", () => {
    const csv = costCsv(
      estimateCosts(
        [
          { group: "g", owner: 'team "a", ml', redisBytes: GB, risingwaveBytes: null, archiveBytes: 0 },
          { group: "h", owner: "=HYPERLINK()", redisBytes: 0, risingwaveBytes: 0, archiveBytes: 0 },
        ],
        prices,
      ),
    );
    expect(csv.split("\n")).toEqual([
      "group,owner,redis_bytes,risingwave_bytes,archive_bytes,redis_usd_month,risingwave_usd_month,archive_usd_month,total_usd_month",
      `g,"team ""a"", ml",${GB},,0,10.00,0.00,0.00,10.00`,
      "h,'=HYPERLINK(),0,0,0,0.00,0.00,0.00,0.00",
      "",
    ]);
  });
});
