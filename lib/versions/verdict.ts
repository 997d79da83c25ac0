import { formatCount, formatDuration } from "../format";
import type { BackfillProgress } from "../observability/progress";

/** One version's MV as RisingWave shows it. */
export type VersionState = {
  mv: string;
  exists: boolean;
  /** rw_materialized_views.status: "Created", or "Creating" while it backfills. */
  status: string | null;
  progress: BackfillProgress | null;
  /** When its state tables last committed an epoch (unix ms). */
  committedAtMs: number | null;
  rows: number | null;
};
/** The same sampled entities read from both versions. */
export type SampleComparison = {
  sampled: number;
  equal: number;
  /** Entities the candidate lacks. */
  missing: number;
  byFeature: Record<string, number>;
  examples: { key: string; feature: string; serving: string | null; candidate: string | null }[];
};
export type Check = { id: "created" | "fresh" | "rows" | "values"; ok: boolean; detail: string };
export type Verdict = { caughtUp: boolean; checks: Check[] };

/** The candidate's rows may differ from the serving version's by this share (rows enter and leave windows). */
export const ROW_TOLERANCE = 0.05;
/** Sampled entities that must agree: the two are read a moment apart, so a busy entity can differ once. */
export const EQUAL_SHARE = 0.95;

const percentText = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * Whether a candidate version has caught up with the serving one (the article's blue-green switch):
 * created (its backfill done), fresh within the group's SLA, its row count within ROW_TOLERANCE of the
 * serving one's, and its values equal for EQUAL_SHARE of a sample of entities. Every check says why.
 */
export function caughtUpVerdict(input: {
  serving: VersionState;
  candidate: VersionState;
  slaSeconds: number;
  nowMs: number;
  comparison: SampleComparison | null;
}): Verdict {
  const { serving, candidate } = input;
  const progress = candidate.progress ? ` (backfill ${candidate.progress.text})` : "";
  const created: Check = !candidate.exists
    ? { id: "created", ok: false, detail: `${candidate.mv} does not exist yet` }
    : candidate.status === "Created"
      ? { id: "created", ok: true, detail: `${candidate.mv} is created` }
      : { id: "created", ok: false, detail: `${candidate.mv} is ${candidate.status ?? "in an unknown state"}${progress}` };

  const ageSeconds = candidate.committedAtMs === null ? null : Math.max(0, (input.nowMs - candidate.committedAtMs) / 1000);
  const fresh: Check =
    ageSeconds === null
      ? { id: "fresh", ok: false, detail: "no committed epoch yet" }
      : {
          id: "fresh",
          ok: ageSeconds <= input.slaSeconds,
          detail: `data ${formatDuration(ageSeconds)} old, SLA ${formatDuration(input.slaSeconds)}`,
        };

  const rows: Check =
    candidate.rows === null || serving.rows === null
      ? { id: "rows", ok: false, detail: "row counts unknown (no rw_table_stats yet)" }
      : (() => {
          const gap = Math.abs(candidate.rows - serving.rows) / Math.max(1, serving.rows);
          return {
            id: "rows" as const,
            ok: gap <= ROW_TOLERANCE,
            detail: `${formatCount(candidate.rows)} rows against ${formatCount(serving.rows)} (${percentText(gap)} apart, tolerance ${percentText(ROW_TOLERANCE)})`,
          };
        })();

  const comparison = input.comparison;
  const values: Check =
    !comparison || comparison.sampled === 0
      ? { id: "values", ok: false, detail: "no entities sampled" }
      : {
          id: "values",
          ok: comparison.equal / comparison.sampled >= EQUAL_SHARE,
          detail:
            `${formatCount(comparison.equal)} of ${formatCount(comparison.sampled)} sampled entities equal (${percentText(comparison.equal / comparison.sampled)}, ` +
            `at least ${percentText(EQUAL_SHARE)} needed)${comparison.missing > 0 ? `; ${formatCount(comparison.missing)} missing in ${candidate.mv}` : ""}`,
        };

  const checks = [created, fresh, rows, values];
  return { caughtUp: checks.every((check) => check.ok), checks };
}
