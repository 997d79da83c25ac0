import type { FeatureGroupDefinition } from "../schemas/feature-group";

/**
 * The definition once serving moves to `mv`: the registry's MV becomes it, the one serving until now
 * joins the versions (so the switch can be undone), `mv` leaves them.
 */
export function switchedDefinition(definition: FeatureGroupDefinition, mv: string): FeatureGroupDefinition {
  const versions = [definition.materialized_view, ...(definition.versions ?? []).filter((version) => version !== mv)].filter(
    (version) => version !== mv,
  );
  return { ...definition, materialized_view: mv, versions };
}
