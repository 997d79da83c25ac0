// The feature groups a dbt project declares: every model materialized as a RisingWave materialized
// view (dbt-risingwave's `materialized_view`) with a `tideline` block in its meta. Pure.
import { dtypeOfDeclaredType } from "../groups/dtypes";
import { FeatureGroupSchema, type FeatureGroupDefinition } from "../schemas/feature-group";
import type { DbtManifest, DbtModel } from "./manifest";

/** dbt-risingwave's materialization names for a materialized view (the second is its older spelling). */
const MV_MATERIALIZATIONS = new Set(["materialized_view", "materializedview"]);

export type DbtGroup = { uniqueId: string; file: string; definition: FeatureGroupDefinition };
export type DbtCandidate = { uniqueId: string; name: string; file: string };
export type DbtProblem = { uniqueId: string; path: string; message: string };
export type DbtGroups = { groups: DbtGroup[]; candidates: DbtCandidate[]; problems: DbtProblem[] };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The model's `tideline` block: config.meta (dbt 1.10+) first, then the node's meta. */
function tidelineBlock(model: DbtModel): Record<string, unknown> | null {
  const block = model.config?.meta?.tideline ?? model.meta?.tideline;
  return isRecord(block) ? block : null;
}

const modelTags = (model: DbtModel) => {
  const configured = model.config?.tags;
  return [...new Set([...(model.tags ?? []), ...(typeof configured === "string" ? [configured] : (configured ?? []))])];
};

/**
 * One model as a definition, before validation: the block's settings, the model's name, description
 * and tags where the block has none, and a feature per documented column that is not a key
 * (`meta: {tideline: {feature: false}}` leaves a column out).
 */
function draftOf(model: DbtModel, block: Record<string, unknown>, problems: DbtProblem[]): Record<string, unknown> {
  const entity = isRecord(block.entity) ? block.entity : undefined;
  const keys = new Set(Array.isArray(entity?.keys) ? entity.keys.map(String) : []);
  const features = Object.values(model.columns ?? {}).flatMap((column) => {
    const columnBlock = column.meta?.tideline;
    if (keys.has(column.name) || (isRecord(columnBlock) && columnBlock.feature === false)) return [];
    const dtype = column.data_type ? dtypeOfDeclaredType(column.data_type) : null;
    if (!dtype) {
      problems.push({
        uniqueId: model.unique_id,
        path: `columns.${column.name}.data_type`,
        message: column.data_type
          ? `${column.data_type} has no feature dtype (use a RisingWave type such as bigint, double precision, varchar, timestamptz)`
          : "the column has no data_type: document it, or leave it out with meta: {tideline: {feature: false}}",
      });
      return [];
    }
    return [{ name: column.name, dtype, description: column.description ?? "" }];
  });
  return {
    name: model.name,
    description: model.description ?? "",
    tags: modelTags(model),
    ...block,
    materialized_view: model.alias || model.name,
    features,
  };
}

/** Groups, candidates (MV models without a block) and problems (per model unique_id and path). */
export function groupsOfManifest(manifest: DbtManifest): DbtGroups {
  const result: DbtGroups = { groups: [], candidates: [], problems: [] };
  for (const model of [...manifest.models].sort((a, b) => a.unique_id.localeCompare(b.unique_id))) {
    if (model.config?.enabled === false || !MV_MATERIALIZATIONS.has(model.config?.materialized ?? "")) continue;
    const block = tidelineBlock(model);
    if (!block) {
      result.candidates.push({ uniqueId: model.unique_id, name: model.name, file: model.original_file_path });
      continue;
    }
    const before = result.problems.length;
    const parsed = FeatureGroupSchema.safeParse(draftOf(model, block, result.problems));
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        result.problems.push({ uniqueId: model.unique_id, path: issue.path.join("."), message: issue.message });
    else if (result.problems.length === before)
      result.groups.push({ uniqueId: model.unique_id, file: model.original_file_path, definition: parsed.data });
  }
  const seen = new Map<string, string>();
  for (const group of result.groups) {
    const first = seen.get(group.definition.name);
    if (first)
      result.problems.push({ uniqueId: group.uniqueId, path: "name", message: `${group.definition.name} is also declared by ${first}` });
    seen.set(group.definition.name, group.uniqueId);
  }
  return result;
}
