"use client";

import { useQuery } from "@tanstack/react-query";
import { BACKENDS, type BackendName } from "@/lib/observability/health";
import { fetchJson } from "@/lib/fetch-json";
import { formatDateTime } from "@/lib/format";
import { queryKeys } from "@/lib/query-keys";
import { HealthReportSchema } from "@/lib/schemas/health";
import { cardClass, errorTextClass } from "@/components/ui/surface";

const BACKEND_LABELS: Record<BackendName, { title: string; description: string }> = {
  postgres: { title: "PostgreSQL", description: "Registry metadata" },
  risingwave: { title: "RisingWave", description: "Streaming SQL: materialized views" },
  redis: { title: "Redis", description: "Online serving store" },
  archive: { title: "Archive", description: "Training snapshots (Parquet)" },
};

const fetchHealth = () => fetchJson("/api/health", HealthReportSchema);

/** Live status of every backend, refreshed every 10 s. */
export function BackendStatus() {
  const { data, error, isPending, dataUpdatedAt } = useQuery({
    queryKey: queryKeys.health(),
    queryFn: fetchHealth,
    refetchInterval: 10_000,
  });

  return (
    <section aria-labelledby="backends-heading" className={cardClass()}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="backends-heading" className="text-base font-semibold">
          Backends
        </h2>
        <p className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {data ? `Status ${data.status} · checked ${formatDateTime(dataUpdatedAt)}` : isPending ? "Checking…" : null}
        </p>
      </div>
      {error && !data ? (
        <p role="alert" className={`text-sm ${errorTextClass}`}>
          Could not reach Tideline&apos;s health endpoint: {error.message}
        </p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {BACKENDS.map((name) => {
            const health = data?.backends[name];
            const tone = !health ? "bg-slate-300 dark:bg-slate-600" : health.ok ? "bg-emerald-500" : "bg-red-500";
            return (
              <li key={name} className="rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid={`backend-${name}`}>
                <div className="flex items-center gap-2">
                  <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${tone}`} />
                  <span className="font-medium">{BACKEND_LABELS[name].title}</span>
                  <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">
                    {health ? (health.ok ? `up · ${health.latencyMs} ms` : "down") : "…"}
                  </span>
                </div>
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{BACKEND_LABELS[name].description}</p>
                {health?.error ? <p className={`mt-1 break-words text-xs ${errorTextClass}`}>{health.error}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
