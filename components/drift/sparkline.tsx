/** A metric over time as a small inline line (no axes): the drift table's trend column. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (known.length < 2) return <span className="text-xs text-slate-500">–</span>;
  const max = Math.max(...known, 1e-9);
  const width = 80;
  const height = 20;
  const step = width / (values.length - 1);
  const points = values
    .map((value, index) =>
      value === null || !Number.isFinite(value) ? null : `${(index * step).toFixed(1)},${(height - (value / max) * height).toFixed(1)}`,
    )
    .filter((point): point is string => point !== null)
    .join(" ");
  return (
    <svg role="img" aria-label={label} width={width} height={height} className="text-teal-600 dark:text-teal-400">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
