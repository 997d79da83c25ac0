/** Where a definition lives: written in Tideline's UI, imported from a YAML file (ref: its path) or a dbt model (ref: its unique_id). */
export type Origin = { kind: "ui" | "yaml" | "dbt"; ref: string | null };
