/** "300" → "5 min", "7200" → "2 h": SLAs and ages as people say them. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "–";
  const abs = Math.abs(seconds);
  if (abs < 60) return `${Math.round(seconds)} s`;
  if (abs < 3_600) return `${+(seconds / 60).toFixed(1)} min`;
  if (abs < 86_400) return `${+(seconds / 3_600).toFixed(1)} h`;
  return `${+(seconds / 86_400).toFixed(1)} d`;
}

const COUNT_FORMAT = new Intl.NumberFormat("en-US");

/** 29428 → "29,428". One formatter for all: `toLocaleString` builds a new one per call (~20 µs). */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}

export function formatDateTime(date: Date | string | number): string {
  return new Date(date).toISOString().replace("T", " ").slice(0, 19) + " UTC";
}

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
