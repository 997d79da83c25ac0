// The shapes client code checks API answers against (lib/fetch-json.ts). Client-safe: zod only.
// The top level is checked strictly and nested rows loosely, so a new field never breaks a page
// while a wrong or error-shaped answer is caught before it renders.
import { z } from "zod";
import type { LiveColumn } from "../groups/schema-check";
import type { LineageGraph } from "../lineage/graph";
import type { RelationDetail } from "../lineage/load";
import type { FreshnessBoard } from "../observability/board";
import type { FeatureGroupDefinition } from "./feature-group";
import type { IncidentRow } from "../registry/incidents";

const LiveColumnSchema = z.object({ name: z.string(), dataType: z.string(), isPrimaryKey: z.boolean() });

/** GET /api/risingwave/materialized-views?columns=<mv> */
export const MvColumnsSchema: z.ZodType<{ name: string; columns: LiveColumn[] | null }> = z.object({
  name: z.string(),
  columns: z.array(LiveColumnSchema).nullable(),
});

/** GET /api/freshness */
export const FreshnessBoardSchema = z.looseObject({
  generatedAt: z.string(),
  risingwave: z.looseObject({ ok: z.boolean(), error: z.string().nullable() }),
  unavailable: z.array(z.object({ backend: z.enum(["registry", "risingwave", "redis", "archive"]), reason: z.string() })),
  counts: z.record(z.string(), z.number()),
  groups: z.array(z.looseObject({ name: z.string(), status: z.string() })),
}) as unknown as z.ZodType<FreshnessBoard>;

/** GET /api/lineage */
export const LineageGraphSchema = z.object({
  nodes: z.array(z.looseObject({ id: z.string(), name: z.string(), kind: z.string() })),
  edges: z.array(z.object({ from: z.string(), to: z.string() })),
}) as unknown as z.ZodType<LineageGraph>;

/** GET /api/lineage/relations/{id} */
export const RelationDetailSchema: z.ZodType<RelationDetail> = z.object({
  definition: z.string(),
  options: z.array(z.tuple([z.string(), z.string()])),
});

/** An incident as JSON carries its times as ISO strings. */
export type IncidentJson = Omit<IncidentRow, "openedAt" | "closedAt"> & { openedAt: string; closedAt: string | null };

/** GET /api/incidents */
export const IncidentListSchema = z.object({
  incidents: z.array(z.looseObject({ id: z.string(), groupName: z.string(), openedAt: z.string(), closedAt: z.string().nullable() })),
}) as unknown as z.ZodType<{ incidents: IncidentJson[] }>;

/** GET /api/groups/{name} */
export const StoredGroupSchema = z.looseObject({
  version: z.number(),
  definition: z.looseObject({ name: z.string() }),
}) as unknown as z.ZodType<{ version: number; definition: FeatureGroupDefinition }>;
