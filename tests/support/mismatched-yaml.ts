/**
 * A group definition for order_value_features that its live MV contradicts twice: total_orders is
 * bigint there (declared string, line 7), not_a_column does not exist (line 8). Tags come last.
 */
export const mismatchedYaml = (name: string, tag: string) =>
  [
    `name: ${name}`,
    "owner: e2e@example.com",
    "materialized_view: order_value_features",
    "freshness_sla_seconds: 300",
    "features:",
    "  - name: total_orders",
    "    dtype: string",
    "  - name: not_a_column",
    "    dtype: float64",
    `tags: [${tag}]`,
  ].join("\n");
