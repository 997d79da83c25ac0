"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/fetch-json";
import type { FreshnessBoard } from "@/lib/observability/board";
import { queryKeys } from "@/lib/query-keys";
import { FreshnessBoardSchema } from "@/lib/schemas/responses";

/** How often the overview and /freshness refresh their figures. */
export const FRESHNESS_REFRESH_MS = 10_000;

/** The freshness board, polled; /freshness and the overview share its cached answer. */
export function useFreshnessBoard(initial: FreshnessBoard) {
  return useQuery({
    queryKey: queryKeys.freshness(),
    queryFn: () => fetchJson("/api/freshness", FreshnessBoardSchema),
    initialData: initial,
    // The server's measurement time, so server and browser render the same "last updated" text.
    initialDataUpdatedAt: Date.parse(initial.generatedAt),
    refetchInterval: FRESHNESS_REFRESH_MS,
  });
}
