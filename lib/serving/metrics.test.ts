import { describe, expect, it } from "vitest";
import { servingMetrics } from "./metrics";

describe("servingMetrics", () => {
  it("renders counters, a cumulative histogram and the breaker in the Prometheus text format", () => {
    let open = false;
    const metrics = servingMetrics(() => open);
    metrics.request("user_features_1h", 200);
    metrics.request("user_features_1h", 200);
    metrics.request("user_features_1h", 503);
    metrics.answer("user_features_1h", "redis", false);
    metrics.answer("user_features_1h", "risingwave", true);
    const stop = metrics.timer("user_features_1h");
    stop();
    const text = metrics.render();
    expect(text).toContain("# TYPE tideline_serving_requests_total counter");
    expect(text).toContain('tideline_serving_requests_total{group="user_features_1h",status="200"} 2');
    expect(text).toContain('tideline_serving_requests_total{group="user_features_1h",status="503"} 1');
    expect(text).toContain('tideline_serving_answers_total{group="user_features_1h",source="risingwave",stale="true"} 1');
    expect(text).toContain("# TYPE tideline_serving_request_duration_seconds histogram");
    // A timer stopped at once falls in the first bucket; every later bucket counts it too (cumulative).
    expect(text).toContain('tideline_serving_request_duration_seconds_bucket{le="0.0005",group="user_features_1h"} 1');
    expect(text).toContain('tideline_serving_request_duration_seconds_bucket{le="2.5",group="user_features_1h"} 1');
    expect(text).toContain('tideline_serving_request_duration_seconds_bucket{le="+Inf",group="user_features_1h"} 1');
    expect(text).toContain('tideline_serving_request_duration_seconds_count{group="user_features_1h"} 1');
    expect(text).toContain("tideline_serving_breaker_open 0");
    open = true;
    expect(metrics.render()).toContain("tideline_serving_breaker_open 1");
  });

  it("escapes quotes and backslashes in label values", () => {
    const metrics = servingMetrics(() => false);
    metrics.request('odd"group\\', 404);
    expect(metrics.render()).toContain('tideline_serving_requests_total{group="odd\\"group\\\\",status="404"} 1');
  });
});
