import "server-only";
import { readSinksOf } from "../risingwave/entity";
import type { FeatureGroupDefinition } from "../schemas/feature-group";
import { missingDays } from "./partitions";
import { describePartitions, type PartitionSummary } from "./snapshots";
import { getArchive } from "./store";
import { sinkFolder } from "./url";

export type ArchiveSection = { title: string; folder: string; partitions: PartitionSummary[]; missingDays: string[]; error?: string };

async function section(title: string, folder: string): Promise<ArchiveSection> {
  try {
    const partitions = await describePartitions(folder);
    return { title, folder, partitions, missingDays: missingDays(partitions) };
  } catch (error) {
    return { title, folder, partitions: [], missingDays: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/** The group's snapshot partitions and the files of the file sinks fed by its MV. */
export async function describeGroupArchive(definition: FeatureGroupDefinition): Promise<{ sections: ArchiveSection[]; sinkError?: string }> {
  const location = getArchive().location;
  const sinks = await readSinksOf(definition.materialized_view).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  const sinkFolders = sinks instanceof Error ? [] : sinks.filter((sink) => sink.connector === "s3").flatMap((sink) => {
    const folder = sinkFolder(location, sink.s3Bucket, sink.s3Path);
    return folder === null ? [] : [{ title: `File sink ${sink.name} (RisingWave day prefixes)`, folder }];
  });
  const sections = await Promise.all([
    ...(definition.snapshot ? [section("Snapshots (Hive date= partitions)", definition.snapshot.path)] : []),
    ...sinkFolders.map((folder) => section(folder.title, folder.folder)),
  ]);
  return { sections, ...(sinks instanceof Error ? { sinkError: sinks.message } : {}) };
}
