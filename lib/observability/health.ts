import { publicBackendError } from "../errors";

/** Health of each backend Tideline depends on, as served by GET /api/health. */
export const BACKENDS = ["postgres", "risingwave", "redis", "archive"] as const;
export type BackendName = (typeof BACKENDS)[number];

export type BackendHealth = { ok: boolean; latencyMs: number; error?: string };
export type HealthReport = { status: "ok" | "degraded"; backends: Record<BackendName, BackendHealth> };

/** A probe resolves when its backend answers and rejects (or hangs) when it does not. */
export type BackendProbe = () => Promise<unknown>;

/** Default per-probe limit: the endpoint must answer within 3 s even when a backend hangs. */
export const PROBE_TIMEOUT_MS = 2_500;

function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorText(error.errors[0]);
  return publicBackendError(error);
}

/** Runs one probe with a deadline; never rejects. */
export async function runProbe(
  probe: BackendProbe,
  timeoutMs: number,
  now: () => number = performance.now.bind(performance),
): Promise<BackendHealth> {
  const startedAt = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(probe), deadline]);
    return { ok: true, latencyMs: Math.round(now() - startedAt) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(now() - startedAt), error: errorText(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Probes every backend in parallel; the report is "degraded" as soon as one is down. */
export async function checkHealth(probes: Record<BackendName, BackendProbe>, timeoutMs = PROBE_TIMEOUT_MS): Promise<HealthReport> {
  const results = await Promise.all(BACKENDS.map((name) => runProbe(probes[name], timeoutMs)));
  const backends = Object.fromEntries(BACKENDS.map((name, index) => [name, results[index]])) as Record<BackendName, BackendHealth>;
  const status = results.every((result) => result.ok) ? "ok" : "degraded";
  return { status, backends };
}
