import "server-only";
import { unavailableFrom, type Unavailable } from "../errors";
import { available } from "../health/availability";
import { readSinksOf, type SinkInfo } from "../risingwave/entity";
import type { FeatureGroupDefinition } from "../schemas/feature-group";
import { missingDays } from "./partitions";
import { describePartitions, type PartitionSummary } from "./snapshots";
import { getArchive } from "./store";
import { sinkFolder } from "./url";

export type ArchiveSection = {
  title: string;
  folder: string;
  partitions: PartitionSummary[];
  missingDays: string[];
  /** The folder could not be listed. */
  unavailable?: Unavailable;
};
export type ArchiveFolder = { folder: string; sink: string | null };

/** Where a group's training data lives: the registry's snapshot path and the folders of the file sinks fed by its MV (unique). */
export function archiveFoldersOf(definition: FeatureGroupDefinition, sinks: SinkInfo[]): ArchiveFolder[] {
  const location = getArchive().location;
  const sinkFolders = sinks
    .filter((sink) => sink.connector === "s3")
    .flatMap((sink) => {
      const folder = sinkFolder(location, sink.s3Bucket, sink.s3Path);
      return folder === null ? [] : [{ folder, sink: sink.name }];
    });
  const folders = [...sinkFolders, ...(definition.snapshot ? [{ folder: definition.snapshot.path.replace(/\/+$/, ""), sink: null }] : [])];
  // One entry per folder, the first one for it (a sink's folder also shows its Hive partitions).
  return folders.filter((entry, index) => folders.findIndex((other) => other.folder === entry.folder) === index);
}

/** The group's folders; without RisingWave, the registry's snapshot path alone (the file sinks are unknown). */
async function archiveFolders(definition: FeatureGroupDefinition): Promise<{ folders: ArchiveFolder[]; sinksUnavailable?: Unavailable }> {
  const sinks = await available(() => readSinksOf(definition.materialized_view));
  if (!sinks.ok) return { folders: archiveFoldersOf(definition, []), sinksUnavailable: sinks.unavailable };
  return { folders: archiveFoldersOf(definition, sinks.value) };
}

/**
 * The group's archive, one section per layout and folder: Hive `date=` snapshots (written by a job
 * outside RisingWave; the article puts them in the sink's folder) and each file sink's day folders.
 */
export async function describeGroupArchive(
  definition: FeatureGroupDefinition,
): Promise<{ sections: ArchiveSection[]; sinksUnavailable?: Unavailable }> {
  const { folders, sinksUnavailable } = await archiveFolders(definition);
  const sections = await Promise.all(
    folders.map(async ({ folder, sink }): Promise<ArchiveSection[]> => {
      try {
        const partitions = await describePartitions(folder);
        const hive = partitions.filter((partition) => partition.layout === "hive");
        const files = partitions.filter((partition) => partition.layout !== "hive");
        return [
          ...(hive.length > 0 || !sink
            ? [{ title: "Snapshots (Hive date= partitions)", folder, partitions: hive, missingDays: missingDays(hive) }]
            : []),
          ...(sink
            ? [
                {
                  title: `File sink ${sink} (RisingWave day folders, change files)`,
                  folder,
                  partitions: files,
                  missingDays: missingDays(files),
                },
              ]
            : []),
        ];
      } catch (error) {
        return [
          {
            title: sink ? `File sink ${sink}` : "Snapshots",
            folder,
            partitions: [],
            missingDays: [],
            unavailable: unavailableFrom(error) ?? { backend: "archive", reason: error instanceof Error ? error.message : String(error) },
          },
        ];
      }
    }),
  );
  return { sections: sections.flat(), ...(sinksUnavailable ? { sinksUnavailable } : {}) };
}
