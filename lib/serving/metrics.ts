import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** Where a served answer came from; "breaker_open": Redis while RisingWave is held off. */
export type AnswerSource = "redis" | "risingwave" | "breaker_open";

/** The gateway's Prometheus figures (GET /metrics), one registry per gateway. */
export function servingMetrics(breakerOpen: () => boolean) {
  const registry = new Registry();
  const requests = new Counter({
    name: "tideline_serving_requests_total",
    help: "Feature lookups answered, by group and HTTP status (one per entity and group in a vector request).",
    labelNames: ["group", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "tideline_serving_request_duration_seconds",
    help: "Time to answer a serving request, by group (vector requests: group '*').",
    labelNames: ["group"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const answers = new Counter({
    name: "tideline_serving_answers_total",
    help: "Feature vectors served, by group, where they came from (redis hit, risingwave fallback on a miss, redis while the breaker is open) and whether they were stale (older than the group's SLA).",
    labelNames: ["group", "source", "stale"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "tideline_serving_breaker_open",
    help: "1 while the RisingWave circuit breaker holds fallbacks off.",
    registers: [registry],
    collect() {
      this.set(breakerOpen() ? 1 : 0);
    },
  });
  return {
    registry,
    request: (group: string, status: number) => requests.inc({ group, status: String(status) }),
    timer: (group: string) => latency.startTimer({ group }),
    answer: (group: string, source: AnswerSource, stale: boolean) => answers.inc({ group, source, stale: String(stale) }),
  };
}
