// Faults injected into the running emulator. The CLI writes them to emulator_control.faults in the
// emulator's database; the stream reads them at every barrier.
import type { Pool, PoolClient } from "pg";

export const FAULT_KINDS = ["stall", "lag", "drift", "fail-sink", "backfill", "prometheus-down", "clock", "shift", "ddl"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type Fault = { kind: FaultKind; target: string; params: Record<string, unknown>; createdAt: Date };

type Db = Pool | PoolClient;

export async function readFaults(db: Db): Promise<Fault[]> {
  // jsonb arrives as text from the emulator's pool (db.ts), so it is parsed here.
  const { rows } = await db.query<{ kind: FaultKind; target: string; params: string; created_at: Date }>(
    "SELECT kind, target, params::text AS params, created_at FROM emulator_control.faults ORDER BY created_at",
  );
  return rows.map((row) => ({
    kind: row.kind,
    target: row.target,
    params: JSON.parse(row.params) as Record<string, unknown>,
    createdAt: row.created_at,
  }));
}

export async function setFault(db: Db, kind: FaultKind, target: string, params: Record<string, unknown> = {}): Promise<void> {
  await db.query(
    `INSERT INTO emulator_control.faults (kind, target, params) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (kind, target) DO UPDATE SET params = EXCLUDED.params, created_at = now()`,
    [kind, target, JSON.stringify(params)],
  );
}

/** Ends every fault on `target` (or on everything with "all"); a running backfill, queued DDL and the clock go on. */
export async function clearFaults(db: Db, target: string): Promise<number> {
  const { rowCount } = await db.query(
    "DELETE FROM emulator_control.faults WHERE kind NOT IN ('backfill', 'clock', 'ddl') AND ($1 = 'all' OR target = $1)",
    [target],
  );
  return rowCount ?? 0;
}

export async function deleteFault(db: Db, kind: FaultKind, target: string): Promise<void> {
  await db.query("DELETE FROM emulator_control.faults WHERE kind = $1 AND target = $2", [kind, target]);
}

/** The active faults, indexed for the stream's per-barrier checks. */
export type FaultState = {
  stalled: Set<string>;
  lagBy: Map<string, number>;
  drift: Map<string, "stale" | "missing">;
  failedSinks: Map<string, string>;
  backfills: Fault[];
  /** MV → column → factor: the column's values multiplied (the distribution shifts; RisingWave and Redis agree). */
  shifts: Map<string, Map<string, number>>;
  /** The emulated cluster's clock runs this far ahead of (or behind) the wall clock. */
  clockOffsetMs: number;
};

export function indexFaults(faults: Fault[]): FaultState {
  const state: FaultState = {
    stalled: new Set(),
    lagBy: new Map(),
    drift: new Map(),
    failedSinks: new Map(),
    backfills: [],
    shifts: new Map(),
    clockOffsetMs: 0,
  };
  for (const fault of faults) {
    if (fault.kind === "stall") state.stalled.add(fault.target);
    if (fault.kind === "lag") state.lagBy.set(fault.target, Number(fault.params.messages ?? 50_000));
    if (fault.kind === "drift") state.drift.set(fault.target, fault.params.mode === "missing" ? "missing" : "stale");
    if (fault.kind === "fail-sink") state.failedSinks.set(fault.target, String(fault.params.error ?? "connection refused"));
    if (fault.kind === "backfill") state.backfills.push(fault);
    if (fault.kind === "shift") state.shifts.set(fault.target, new Map([[String(fault.params.column), Number(fault.params.factor)]]));
    if (fault.kind === "clock") state.clockOffsetMs = Number(fault.params.offsetMs ?? 0);
  }
  return state;
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `+2h`, `-30m`, `0`, or `midnight` (30 s before the next UTC midnight, from the wall clock). */
export function parseClockOffset(text: string, nowMs = Date.now()): number {
  if (text === "midnight") return Math.ceil(nowMs / UNITS.d!) * UNITS.d! - 30_000 - nowMs;
  const match = /^([+-]?\d+(?:\.\d+)?)([smhd]?)$/.exec(text);
  if (!match) throw new Error(`clock needs an offset like +2h, -30m, 90s or midnight; got ${text}`);
  return Math.round(Number(match[1]) * (UNITS[match[2] || "s"] ?? 1_000));
}
