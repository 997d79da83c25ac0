/** Where a served answer came from; "breaker_open": Redis while RisingWave is held off. */
export type AnswerSource = "redis" | "risingwave" | "breaker_open";

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

const escapeLabel = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const labelText = (labels: [string, string][]) => labels.map(([name, value]) => `${name}="${escapeLabel(value)}"`).join(",");

/** A counter per label set: one Map update per request (a Prometheus client hashes a label object each time). */
class LabelledCounter {
  private readonly counts = new Map<string, { labels: [string, string][]; value: number }>();
  constructor(
    private readonly name: string,
    private readonly help: string,
  ) {}
  inc(key: string, labels: () => [string, string][]) {
    const entry = this.counts.get(key);
    if (entry) entry.value += 1;
    else this.counts.set(key, { labels: labels(), value: 1 });
  }
  render(): string {
    const lines = [...this.counts.values()].map((entry) => `${this.name}{${labelText(entry.labels)}} ${entry.value}`);
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`, ...lines].join("\n");
  }
}

/** Request latency per group: cumulative bucket counts, sum and count, in the exposition format. */
class LatencyHistogram {
  private readonly series = new Map<string, { buckets: number[]; sum: number; count: number }>();
  constructor(
    private readonly name: string,
    private readonly help: string,
  ) {}
  observe(group: string, seconds: number) {
    let entry = this.series.get(group);
    if (!entry) this.series.set(group, (entry = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 }));
    const bucket = BUCKETS.findIndex((bound) => seconds <= bound);
    if (bucket >= 0) entry.buckets[bucket] = (entry.buckets[bucket] as number) + 1;
    entry.sum += seconds;
    entry.count += 1;
  }
  render(): string {
    const lines: string[] = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [group, entry] of this.series) {
      const label = `group="${escapeLabel(group)}"`;
      let cumulative = 0;
      BUCKETS.forEach((bound, index) => {
        cumulative += entry.buckets[index] as number;
        lines.push(`${this.name}_bucket{le="${bound}",${label}} ${cumulative}`);
      });
      lines.push(
        `${this.name}_bucket{le="+Inf",${label}} ${entry.count}`,
        `${this.name}_sum{${label}} ${entry.sum}`,
        `${this.name}_count{${label}} ${entry.count}`,
      );
    }
    return lines.join("\n");
  }
}

/** The gateway's Prometheus figures (GET /metrics), one set per gateway. */
export function servingMetrics(breakerOpen: () => boolean) {
  const requests = new LabelledCounter(
    "tideline_serving_requests_total",
    "Feature lookups answered, by group and HTTP status (one per entity and group in a vector request).",
  );
  const latency = new LatencyHistogram(
    "tideline_serving_request_duration_seconds",
    "Time to answer a serving request, by group (vector requests: group '*').",
  );
  const answers = new LabelledCounter(
    "tideline_serving_answers_total",
    "Feature vectors served, by group, where they came from (redis hit, risingwave fallback on a miss, redis while the breaker is open) and whether they were stale (older than the group's SLA).",
  );
  return {
    contentType: METRICS_CONTENT_TYPE,
    render: () =>
      [
        requests.render(),
        latency.render(),
        answers.render(),
        "# HELP tideline_serving_breaker_open 1 while the RisingWave circuit breaker holds fallbacks off.",
        "# TYPE tideline_serving_breaker_open gauge",
        `tideline_serving_breaker_open ${breakerOpen() ? 1 : 0}`,
        "",
      ].join("\n"),
    request: (group: string, status: number) =>
      requests.inc(`${group}\u0000${status}`, () => [
        ["group", group],
        ["status", String(status)],
      ]),
    timer: (group: string) => {
      const started = performance.now();
      return () => latency.observe(group, (performance.now() - started) / 1000);
    },
    answer: (group: string, source: AnswerSource, stale: boolean) =>
      answers.inc(`${group}\u0000${source}\u0000${stale}`, () => [
        ["group", group],
        ["source", source],
        ["stale", String(stale)],
      ]),
  };
}
