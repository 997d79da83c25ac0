/** A table's header row; a column is a label, or a label with "right" alignment for numbers. */
type Props = { columns: (string | { label: string; align: "right" })[]; className?: string; cellClassName?: string };

export function TableHead({ columns, className = "text-xs uppercase tracking-wide text-slate-500", cellClassName = "px-2 py-1" }: Props) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((column) => {
          const label = typeof column === "string" ? column : column.label;
          return (
            <th key={label} scope="col" className={`${cellClassName} font-medium ${typeof column === "string" ? "" : "text-right"}`}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
