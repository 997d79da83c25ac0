import type { Dtype } from "../schemas/feature-group";
import { displayValue, normalize, sameValue, toEpochMs } from "./normalize";

/** "expected": differs for a known, healthy reason (a snapshot older than the update, sink lag within the SLA). */
export const CELL_STATES = ["source", "equal", "expected", "different", "missing", "type_mismatch"] as const;
export type CellState = (typeof CELL_STATES)[number];
export type Cell = { value: string | null; state: CellState; explanation?: string };

/** One place an entity's values live: RisingWave (the source of truth), a Redis key, a snapshot. */
export type LayerValues = {
  id: string;
  kind: "risingwave" | "redis" | "archive";
  /** Column → raw value; null when the entity is not there. */
  values: Record<string, unknown> | null;
  /** Why the whole layer has no value (key missing, TTL expired, not in the snapshot). */
  missingReason?: string;
  /** Snapshots: when it was taken. */
  takenAt?: Date;
  /** A cache-aside hash: filled on reads, not by a sink, so its lag is not sink lag. */
  cache?: boolean;
};

export type FeatureComparison = { name: string; dtype: Dtype; cells: Record<string, Cell> };

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * Why a layer's value differs from RisingWave's, judged from the rows' own timestamps, and whether
 * that is expected: a snapshot taken before the last update, a cache filled before it, or a sink
 * behind by less than the group's SLA. Anything else is a real difference.
 */
function explainDifference(
  layer: LayerValues,
  source: Record<string, unknown>,
  timestampColumn: string | undefined,
  slaSeconds: number,
): Pick<Cell, "state" | "explanation"> {
  const sourceTime = timestampColumn ? toEpochMs(source[timestampColumn]) : null;
  if (layer.kind === "archive") {
    if (layer.takenAt && sourceTime !== null && layer.takenAt.getTime() < sourceTime)
      return { state: "expected", explanation: "snapshot taken before the last update" };
    return { state: "different", explanation: "differs from RisingWave" };
  }
  const layerTime = timestampColumn ? toEpochMs(layer.values?.[timestampColumn]) : null;
  if (sourceTime !== null && layerTime !== null && layerTime < sourceTime) {
    const behindMs = sourceTime - layerTime;
    if (layer.cache)
      return {
        state: "expected",
        explanation: `the serving cache is ${seconds(behindMs)} older than RisingWave: filled on a read, refreshed when its TTL expires`,
      };
    return behindMs <= slaSeconds * 1000
      ? {
          state: "expected",
          explanation: `Redis is ${seconds(behindMs)} older than RisingWave: sink lag, within the ${seconds(slaSeconds * 1000)} SLA`,
        }
      : {
          state: "different",
          explanation: `Redis is ${seconds(behindMs)} older than RisingWave: sink lag, beyond the ${seconds(slaSeconds * 1000)} SLA`,
        };
  }
  return { state: "different", explanation: "differs from RisingWave" };
}

/**
 * Every feature across every layer, marked against RisingWave: equal (numbers within a tolerance,
 * timestamps normalised), expected or different (with a likely cause), missing, or type mismatch
 * (a value that cannot mean the feature's dtype).
 */
export function compareLayers(
  features: { name: string; dtype: Dtype }[],
  source: LayerValues,
  others: LayerValues[],
  timestampColumn: string | undefined,
  slaSeconds: number,
): FeatureComparison[] {
  return features.map((feature) => {
    const cells: Record<string, Cell> = {};
    const sourceRaw = source.values?.[feature.name];
    const sourceValue = normalize(sourceRaw, feature.dtype);
    cells[source.id] = source.values
      ? { value: displayValue(sourceRaw), state: sourceValue.kind === "invalid" ? "type_mismatch" : "source" }
      : { value: null, state: "missing", explanation: source.missingReason ?? "not in RisingWave" };
    for (const layer of others) {
      if (!layer.values) {
        cells[layer.id] = { value: null, state: "missing", explanation: layer.missingReason ?? "not found" };
        continue;
      }
      if (!(feature.name in layer.values)) {
        cells[layer.id] = { value: null, state: "missing", explanation: "this layer does not store the feature" };
        continue;
      }
      const raw = layer.values[feature.name];
      const value = normalize(raw, feature.dtype);
      if (value.kind === "invalid") {
        cells[layer.id] = { value: displayValue(raw), state: "type_mismatch", explanation: `not a valid ${feature.dtype}` };
      } else if (!source.values) {
        cells[layer.id] = {
          value: displayValue(raw),
          state: "different",
          explanation: "present here but not in RisingWave: a stale key or a deleted row",
        };
      } else if (sameValue(value, sourceValue)) {
        cells[layer.id] = { value: displayValue(raw), state: "equal" };
      } else {
        cells[layer.id] = { value: displayValue(raw), ...explainDifference(layer, source.values, timestampColumn, slaSeconds) };
      }
    }
    return { name: feature.name, dtype: feature.dtype, cells };
  });
}
