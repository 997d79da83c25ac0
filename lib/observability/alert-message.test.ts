import { describe, expect, it } from "vitest";
import { alertPayload, driftAlertPayload, retryDelayMs } from "./alert-message";

const base = {
  incidentId: "i1",
  groupName: "user_features_1h",
  owner: "ml@x",
  slaSeconds: 300,
  freshnessSeconds: 432,
  peakFreshnessSeconds: 432,
  openedAt: new Date("2026-11-24T10:00:00Z"),
  closedAt: null,
  publicUrl: "https://tideline.example/",
  kind: "breach",
  cause: null,
};

describe("alertPayload", () => {
  it("says what breaches, by how much, whose it is and where to look", () => {
    const payload = alertPayload({ ...base, event: "opened" });
    expect(payload.text).toBe(
      ":rotating_light: *user_features_1h* breaches its freshness SLA: data is 7.2 min old (SLA 5 min). Owner: ml@x. <https://tideline.example/groups/user_features_1h|Open in Tideline>",
    );
    expect(payload.blocks[0]?.text.text).toBe(payload.text);
    expect(payload.tideline).toMatchObject({ event: "incident.opened", group: "user_features_1h", closedAt: null });
  });
  it("names a Redis sink failure as serving stale, with its cause", () => {
    const payload = alertPayload({
      ...base,
      event: "opened",
      kind: "degraded",
      cause: "the Redis sink user_features_to_redis has failed since 2026-11-24 09:58:00 UTC: <b>",
    });
    expect(payload.text).toBe(
      ":warning: *user_features_1h* serves stale values: its materialized view is fresh but Redis is not following. Cause: the Redis sink user_features_to_redis has failed since 2026-11-24 09:58:00 UTC: &lt;b&gt;. Owner: ml@x. <https://tideline.example/groups/user_features_1h|Open in Tideline>",
    );
    expect(payload.tideline).toMatchObject({ kind: "degraded", cause: expect.stringContaining("user_features_to_redis") });
  });
  it("reports the duration and peak when it closes", () => {
    const payload = alertPayload({ ...base, event: "closed", peakFreshnessSeconds: 900, closedAt: new Date("2026-11-24T10:30:00Z") });
    expect(payload.text).toContain("fresh again after 30 min (peak 15 min, SLA 5 min)");
    expect(payload.tideline.event).toBe("incident.closed");
  });
  it("escapes the owner's text so it cannot ping a channel or hide a link", () => {
    const payload = alertPayload({ ...base, event: "opened", owner: "<!channel> & <https://evil.example|ops>" });
    expect(payload.text).toContain("Owner: &lt;!channel&gt; &amp; &lt;https://evil.example|ops&gt;.");
    expect(payload.tideline.owner).toBe("<!channel> & <https://evil.example|ops>"); // raw facts stay raw JSON
  });
  it("backs off exponentially with a cap", () => {
    expect([1, 2, 3, 4, 20].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 600_000]);
  });
});

describe("driftAlertPayload", () => {
  const drift = {
    incidentId: "d1",
    groupName: "user_features_1h",
    owner: "ml@x",
    openedAt: new Date("2026-12-06T10:00:00Z"),
    closedAt: null,
    publicUrl: "https://tideline.example",
    cause: "purchase_count_1h: PSI 2.31 (training↔live) <!channel>",
    findings: [{ feature: "purchase_count_1h", pair: "training_live" as const, measure: "psi" as const, value: 2.31 }],
  };
  it("names the features and measures, and links the drift page", () => {
    const payload = driftAlertPayload({ ...drift, event: "opened" });
    expect(payload.text).toBe(
      ":chart_with_upwards_trend: *user_features_1h* drifts: purchase_count_1h: PSI 2.31 (training↔live) &lt;!channel&gt;. Owner: ml@x. <https://tideline.example/groups/user_features_1h/drift|Open in Tideline>",
    );
    expect(payload.tideline).toMatchObject({ event: "incident.opened", kind: "drift", findings: drift.findings });
  });
  it("says how long it drifted when it closes", () => {
    const payload = driftAlertPayload({ ...drift, event: "closed", closedAt: new Date("2026-12-06T10:45:00Z") });
    expect(payload.text).toBe(
      ":white_check_mark: *user_features_1h* no longer drifts, after 45 min. <https://tideline.example/groups/user_features_1h/drift|Open in Tideline>",
    );
    expect(payload.tideline).toMatchObject({ event: "incident.closed", closedAt: "2026-12-06T10:45:00.000Z" });
  });
});
