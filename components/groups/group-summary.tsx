import { formatDateTime, formatDuration } from "@/lib/format";
import type { Origin } from "@/lib/registry/origin";
import type { FeatureGroupDefinition } from "@/lib/schemas/feature-group";
import { cardClass } from "@/components/ui/surface";
import { TagLinks } from "./tag-links";

const ORIGIN_LABEL: Record<Origin["kind"], string> = { ui: "Tideline's UI", yaml: "YAML file", dbt: "dbt model" };

/** Where the definition lives: the file or model to change it in, or the UI. */
const originText = (origin: Origin) => (origin.ref ? `${ORIGIN_LABEL[origin.kind]} · ${origin.ref}` : ORIGIN_LABEL[origin.kind]);

export function GroupSummary({
  definition,
  version,
  updatedAt,
  origin,
}: {
  definition: FeatureGroupDefinition;
  version: number;
  updatedAt: Date;
  origin: Origin;
}) {
  const rows: [string, React.ReactNode][] = [
    ["Owner", definition.owner + (definition.team ? ` · ${definition.team}` : "")],
    ["Freshness SLA", `${formatDuration(definition.freshness_sla_seconds)} (${definition.freshness_sla_seconds} s)`],
    ["Materialized view", <code key="mv">{definition.materialized_view}</code>],
    ["Entity", definition.entity ? `${definition.entity.name} (${definition.entity.keys.join(", ")})` : "–"],
    ["Event-time column", definition.timestamp_column ? <code key="ts">{definition.timestamp_column}</code> : "–"],
    [
      "Redis",
      definition.redis
        ? `${definition.redis.kind}${definition.redis.key_template ? ` · ${definition.redis.key_template}` : ""}${definition.redis.ttl_seconds ? ` · TTL ${formatDuration(definition.redis.ttl_seconds)}` : ""}`
        : "–",
    ],
    ["Snapshots", definition.snapshot?.path ?? "–"],
    ["Version", `${version} · updated ${formatDateTime(updatedAt)}`],
    [
      "Defined in",
      <span key="origin" data-origin={origin.kind} className="break-all">
        {originText(origin)}
      </span>,
    ],
  ];
  return (
    <section aria-label="Summary" className={cardClass()}>
      {definition.description ? <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">{definition.description}</p> : null}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label} className="flex gap-2">
            <dt className="w-36 shrink-0 text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <TagLinks tags={definition.tags} className="mt-3 text-xs" pill />
    </section>
  );
}
