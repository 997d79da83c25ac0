"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/fetch-json";
import { formatDateTime } from "@/lib/format";
import type { FreshnessBoard } from "@/lib/observability/board";
import { queryKeys } from "@/lib/query-keys";
import { IncidentListSchema, type IncidentJson } from "@/lib/schemas/responses";
import { errorTextClass } from "@/components/ui/surface";
import { BoardOutages, FreshnessBanner } from "./freshness-banner";
import { OverviewSummary } from "./overview-summary";
import { FRESHNESS_REFRESH_MS, useFreshnessBoard } from "./use-freshness-board";

const INCIDENT_LIMIT = 8;

/** When a panel's data was taken, and whether the last refresh failed (then the figures are that old). */
function TakenAt({ at, error }: { at: number; error: Error | null }) {
  return (
    <p className="text-xs text-slate-500 dark:text-slate-400" suppressHydrationWarning data-testid="taken-at">
      as of {formatDateTime(at)}
      {error ? <span className={errorTextClass}> · refresh failed: {error.message}</span> : null}
    </p>
  );
}

/** The overview's figures, refreshed in the browser like the freshness page. */
export function LiveOverview({ board: initialBoard, incidents: initialIncidents }: { board: FreshnessBoard; incidents: IncidentJson[] }) {
  const boardQuery = useFreshnessBoard(initialBoard);
  const incidentQuery = useQuery({
    queryKey: queryKeys.incidents(INCIDENT_LIMIT),
    queryFn: () => fetchJson(`/api/incidents?limit=${INCIDENT_LIMIT}`, IncidentListSchema),
    initialData: { incidents: initialIncidents },
    initialDataUpdatedAt: Date.parse(initialBoard.generatedAt),
    refetchInterval: FRESHNESS_REFRESH_MS,
  });
  const board = boardQuery.data;
  return (
    <div className="space-y-6">
      <BoardOutages board={board} />
      <FreshnessBanner board={board} />
      <OverviewSummary
        board={board}
        incidents={incidentQuery.data.incidents}
        now={Date.parse(board.generatedAt)}
        boardTakenAt={<TakenAt at={Date.parse(board.generatedAt)} error={boardQuery.error} />}
        incidentsTakenAt={<TakenAt at={incidentQuery.dataUpdatedAt} error={incidentQuery.error} />}
      />
    </div>
  );
}
