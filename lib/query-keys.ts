/** Every react-query key in the app, so a poller and its prefetch can never drift apart. */
export const queryKeys = {
  health: () => ["health"] as const,
  freshness: () => ["freshness"] as const,
  incidents: (limit: number) => ["incidents", limit] as const,
  lineage: () => ["lineage"] as const,
  lineageRelation: (relationId: number) => ["lineage", "relation", relationId] as const,
};
