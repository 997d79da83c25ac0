import type { ArchiveSection } from "@/lib/archive/group-archive";
import { formatBytes, formatCount } from "@/lib/format";
import { UnavailableBanner } from "@/components/health/unavailable-banner";
import { TableHead } from "@/components/ui/table-head";
import { cardClass, errorTextClass } from "@/components/ui/surface";

/** One archive folder: a row per partition, newest first, with the days that have none flagged. */
export function PartitionTable({ section }: { section: ArchiveSection }) {
  const rows = [
    ...section.partitions.map((partition) => ({ sortKey: partition.day ?? partition.partition, partition })),
    ...section.missingDays.map((day) => ({ sortKey: day, missing: day })),
  ].sort((a, b) => b.sortKey.localeCompare(a.sortKey));
  const totalBytes = section.partitions.reduce((sum, partition) => sum + partition.bytes, 0);
  const totalFiles = section.partitions.reduce((sum, partition) => sum + partition.fileCount, 0);
  return (
    <section aria-label={section.title} className={cardClass()}>
      <h2 className="text-base font-semibold">{section.title}</h2>
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        <code>{section.folder}/</code> · {section.partitions.length} partitions · {totalFiles} files · {formatBytes(totalBytes)}
        {section.missingDays.length > 0 ? (
          <span className={`font-semibold ${errorTextClass}`}>
            {" "}
            · {section.missingDays.length} missing day{section.missingDays.length === 1 ? "" : "s"}
          </span>
        ) : null}
      </p>
      {section.unavailable ? (
        <UnavailableBanner unavailable={section.unavailable} affects="This folder's partitions cannot be listed." />
      ) : null}
      {!section.unavailable && rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No Parquet files under this folder yet.</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <TableHead
              columns={[
                "Partition",
                { label: "Files", align: "right" },
                { label: "Rows", align: "right" },
                { label: "Bytes", align: "right" },
              ]}
            />
            <tbody>
              {rows.map((row) =>
                "missing" in row ? (
                  <tr
                    key={`missing-${row.missing}`}
                    data-missing-day={row.missing}
                    className="bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200"
                  >
                    <td className="px-2 py-1 font-mono">{row.missing}</td>
                    <td colSpan={3} className="px-2 py-1 text-right">
                      missing: no partition for this day
                    </td>
                  </tr>
                ) : (
                  <tr
                    key={row.partition.partition}
                    data-partition={row.partition.partition}
                    className="border-t border-slate-100 dark:border-slate-800"
                  >
                    <td className="px-2 py-1 font-mono">{row.partition.partition}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{row.partition.fileCount}</td>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {row.partition.rows === null ? (
                        <span title="Too many files to open every footer">not counted</span>
                      ) : (
                        formatCount(row.partition.rows)
                      )}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">{formatBytes(row.partition.bytes)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
