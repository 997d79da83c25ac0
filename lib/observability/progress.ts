/** rw_ddl_progress.progress, parsed defensively: every format listed in the RisingWave contract. */
export type BackfillProgress =
  | { kind: "percent"; percent: number; done?: number; total?: number; text: string }
  | { kind: "rows"; rows: number; text: string }
  | {
      kind: "phase";
      phase: "initializing" | "snapshot" | "snapshot-finished" | "log-store" | "finishing" | "resetting";
      percent?: number;
      text: string;
    }
  | { kind: "error"; text: string }
  | { kind: "unknown"; text: string };

const PERCENT = /^(\d+(?:\.\d+)?)%(?:\s*\((\d+)\/(\d+)\))?$/;

function parsePart(text: string): BackfillProgress | null {
  const percent = PERCENT.exec(text);
  if (percent) {
    return {
      kind: "percent",
      percent: Number(percent[1]),
      ...(percent[2] ? { done: Number(percent[2]), total: Number(percent[3]) } : {}),
      text,
    };
  }
  const rows = /^(\d+) (?:rows consumed|consumed rows)$/.exec(text);
  if (rows) return { kind: "rows", rows: Number(rows[1]), text };
  return null;
}

export function parseProgress(raw: string): BackfillProgress {
  const text = raw.trim();
  const simple = parsePart(text);
  if (simple) return simple;
  if (/^Err\[/.test(text)) return { kind: "error", text };
  if (/^Initializing/i.test(text)) return { kind: "phase", phase: "initializing", text };
  if (text === "Snapshot finished") return { kind: "phase", phase: "snapshot-finished", text };
  const snapshot = /^Snapshot \[(.*)\]$/.exec(text);
  if (snapshot) {
    const inner = parsePart((snapshot[1] ?? "").trim());
    return { kind: "phase", phase: "snapshot", ...(inner?.kind === "percent" ? { percent: inner.percent } : {}), text };
  }
  if (/^LogStore \[/.test(text)) return { kind: "phase", phase: "log-store", text };
  if (/^Finishing \[/.test(text)) return { kind: "phase", phase: "finishing", text };
  if (text === "Resetting") return { kind: "phase", phase: "resetting", text };
  // "MView Backfill: 50.00% (5/10), Source Backfill: 100 rows consumed": the MView share is the job's percent.
  const mview = /MView Backfill:\s*([^,]+)/.exec(text);
  const parsed = mview ? parsePart((mview[1] ?? "").trim()) : null;
  if (parsed?.kind === "percent") return { ...parsed, text };
  return { kind: "unknown", text };
}
