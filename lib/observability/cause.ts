import { formatDateTime, formatDuration, formatCount } from "../format";
import { WARNING_RATIO } from "./classify";

/** The pipeline stage that holds a group's delay, named for the person on call. */
export type DelayStage = "backfill" | "mv" | "source" | "events" | "sink";
export type DelayCause = { stage: DelayStage; subject: string; text: string };

/** The slice of a group's measurements the cause is read from. */
export type CauseInputs = {
  slaSeconds: number;
  materializedView: string;
  mvStatus: string | null;
  processingFreshnessSeconds: number | null;
  eventFreshnessSeconds: number | null;
  sources: { name: string; connector: string; lagMessages: number | null }[];
  sinks: { name: string; connector: string; state: string; failingSince: string | null; lastError: string | null }[];
  backfill: { text: string } | null;
};

const isRedis = (connector: string) => connector.toLowerCase() === "redis";

/** Redis sinks that fail: what the model reads stops following the MV. */
export const failingRedisSinks = (sinks: CauseInputs["sinks"]) =>
  sinks.filter((sink) => sink.state === "failing" && isRedis(sink.connector));

/**
 * The first stage, walking from RisingWave's commits back to the sources, whose delay reaches the
 * warning threshold; then a failing Redis sink. null when nothing is late.
 */
export function delayCause(group: CauseInputs): DelayCause | null {
  const late = (seconds: number | null) => seconds !== null && seconds >= group.slaSeconds * WARNING_RATIO;
  const mv = group.materializedView;
  if (group.mvStatus === "Creating")
    return {
      stage: "backfill",
      subject: mv,
      text: `the materialized view ${mv} is still backfilling${group.backfill ? ` (${group.backfill.text})` : ""}`,
    };
  if (late(group.processingFreshnessSeconds))
    return {
      stage: "mv",
      subject: mv,
      text: `the materialized view ${mv} stopped committing ${formatDuration(group.processingFreshnessSeconds as number)} ago`,
    };
  if (late(group.eventFreshnessSeconds)) {
    const behind = group.sources
      .filter((source) => (source.lagMessages ?? 0) > 0)
      .sort((a, b) => (b.lagMessages as number) - (a.lagMessages as number))[0];
    if (behind)
      return {
        stage: "source",
        subject: behind.name,
        text: `the ${behind.connector.toLowerCase() === "kafka" ? "Kafka consumer" : "reader"} of ${behind.name} is ${formatCount(behind.lagMessages as number)} messages behind`,
      };
    const names = group.sources.map((source) => source.name).join(", ");
    return {
      stage: "events",
      subject: mv,
      text: `no new events for ${formatDuration(group.eventFreshnessSeconds as number)}: ${mv} commits, but its newest event time stands still${names ? ` (are ${names} sending?)` : ""}`,
    };
  }
  const sink = failingRedisSinks(group.sinks)[0];
  if (sink)
    return {
      stage: "sink",
      subject: sink.name,
      text: `the Redis sink ${sink.name} has failed since ${sink.failingSince ? formatDateTime(sink.failingSince) : "recently"}: Redis serves values that are going stale`,
    };
  return null;
}
