"use client";

import { Field, inputClass } from "@/components/form/field";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { FRESHNESS_STATUSES, STATUS_LABEL } from "@/lib/observability/classify";
import { BoardOutages, FreshnessBanner } from "./freshness-banner";
import { FRESHNESS_REFRESH_MS, useFreshnessBoard } from "./use-freshness-board";
import type { FreshnessBoard as Board } from "@/lib/observability/board";
import { formatDateTime } from "@/lib/format";
import { Pagination } from "@/components/ui/pagination";
import { TableHead } from "@/components/ui/table-head";
import { FreshnessBar } from "./freshness-bar";
import { LagBreakdown } from "./lag-breakdown";
import { ServingUsageLine } from "./serving-usage";
import { StatusPill } from "./status-pill";
import { cardClass, errorTextClass } from "@/components/ui/surface";

function FilterSelect({
  label,
  value,
  options,
  labels = {},
  onChange,
}: {
  label: string;
  value: string;
  options: readonly string[];
  labels?: Record<string, string>;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} compact>
      <select className={inputClass(true)} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option] ?? option}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A group's name, linking to its freshness page. */
const GroupLink = ({ name, className = "" }: { name: string; className?: string }) => (
  <Link href={`/groups/${name}/freshness`} className={`font-medium text-tide-700 hover:underline dark:text-tide-400 ${className}`}>
    {name}
  </Link>
);

/** Rows drawn at once: 1,000 groups stay quick to render and refresh; the worst come first. */
const PAGE_SIZE = 100;

/** The on-call board: polls every 10 s without reloading; filters and the page live in the URL. */
export function FreshnessBoard({ initial }: { initial: Board }) {
  const { data, error, dataUpdatedAt, isFetching } = useFreshnessBoard(initial);
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filter = { owner: params.get("owner") ?? "", status: params.get("status") ?? "", tag: params.get("tag") ?? "" };
  const setFilter = (key: keyof typeof filter, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete("page"); // a new filter starts on its first page
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const board = data ?? initial;
  const groups = board.groups.filter(
    (group) =>
      (!filter.owner || group.owner === filter.owner) &&
      (!filter.status || group.status === filter.status) &&
      (!filter.tag || group.tags.includes(filter.tag)),
  );
  const pages = Math.max(1, Math.ceil(groups.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  const shown = groups.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const owners = [...new Set(board.groups.map((group) => group.owner))].sort();
  const tags = [...new Set(board.groups.flatMap((group) => group.tags))].sort();

  return (
    <div className="space-y-4">
      <BoardOutages board={board} />
      <FreshnessBanner board={board} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-wrap gap-2">
          <FilterSelect
            label="Status"
            value={filter.status}
            options={FRESHNESS_STATUSES}
            labels={STATUS_LABEL}
            onChange={(value) => setFilter("status", value)}
          />
          <FilterSelect label="Owner" value={filter.owner} options={owners} onChange={(value) => setFilter("owner", value)} />
          <FilterSelect label="Tag" value={filter.tag} options={tags} onChange={(value) => setFilter("tag", value)} />
        </div>
        {/* Refresh state differs between the server render and hydration by nature. */}
        <p className="text-xs text-slate-500 dark:text-slate-400" suppressHydrationWarning>
          Last updated {formatDateTime(dataUpdatedAt ? new Date(dataUpdatedAt) : board.generatedAt)}
          {isFetching ? " · refreshing…" : ` · every ${FRESHNESS_REFRESH_MS / 1000} s`}
          {board.barrierLatencySeconds !== null ? ` · barrier latency ${board.barrierLatencySeconds.toFixed(2)} s` : ""}
          {error ? <span className={errorTextClass}> · last refresh failed: {error.message}</span> : null}
        </p>
      </div>
      {groups.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {board.groups.length === 0 ? (
            <>
              No feature groups are registered yet.{" "}
              <Link className="underline" href="/groups/new">
                Register one
              </Link>
              .
            </>
          ) : (
            "No group matches these filters."
          )}
        </p>
      ) : (
        <>
          {/* Phones: one card per group, name, status, freshness and cause together, nothing to scroll sideways. */}
          <ul className="space-y-3 sm:hidden" aria-label="Freshness by feature group (cards)">
            {shown.map((group) => (
              <li key={group.name} data-group-card={group.name} data-status={group.status} className={`space-y-2 ${cardClass()}`}>
                <div className="flex items-start justify-between gap-2">
                  <GroupLink name={group.name} className="min-w-0 break-all" />
                  <StatusPill status={group.status} />
                </div>
                <FreshnessBar freshnessSeconds={group.freshnessSeconds} slaSeconds={group.slaSeconds} status={group.status} />
                <LagBreakdown group={group} />
                {group.serving ? <ServingUsageLine usage={group.serving} /> : null}
                {group.breachSince ? <p className="text-xs">Since {formatDateTime(group.breachSince)}</p> : null}
              </li>
            ))}
          </ul>
          <div className={`hidden sm:block ${cardClass(false)}`}>
            <table className="w-full min-w-[860px] text-left text-sm" aria-label="Freshness by feature group">
              <TableHead
                cellClassName="px-3 py-2"
                className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800"
                columns={["Status", "Feature group", "Freshness vs SLA", "Where the delay sits", "Breaching since"]}
              />
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {shown.map((group) => (
                  <tr key={group.name} data-group={group.name} data-status={group.status} className="align-top">
                    <td className="px-3 py-2.5">
                      <StatusPill status={group.status} />
                    </td>
                    <td className="px-3 py-2.5">
                      <GroupLink name={group.name} />
                      <span className="block text-xs text-slate-500">{group.owner}</span>
                      {group.serving ? <ServingUsageLine usage={group.serving} /> : null}
                    </td>
                    <td className="px-3 py-2.5">
                      <FreshnessBar freshnessSeconds={group.freshnessSeconds} slaSeconds={group.slaSeconds} status={group.status} />
                    </td>
                    <td className="px-3 py-2.5">
                      <LagBreakdown group={group} />
                    </td>
                    <td className="px-3 py-2.5 text-xs">{group.breachSince ? formatDateTime(group.breachSince) : "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {groups.length > PAGE_SIZE ? (
            <Pagination basePath={pathname} params={filter} page={page} size={PAGE_SIZE} total={groups.length} />
          ) : null}
        </>
      )}
    </div>
  );
}
