import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { getPrisma } from "../db";
import type { GroupStatus } from "../schemas/feature-group";
import { toPrefixQuery, type GroupSearch } from "../schemas/group-search";

export type GroupSearchItem = {
  name: string;
  description: string;
  owner: string;
  team: string | null;
  tags: string[];
  entity: string | null;
  status: GroupStatus;
  freshnessSlaSeconds: number;
  materializedView: string;
  featureCount: number;
  updatedAt: Date;
  matchedFeatures: { name: string; dtype: string }[];
};
export type GroupSearchPage = {
  items: GroupSearchItem[];
  total: number;
  page: number;
  size: number;
  facets: { owners: string[]; entities: string[]; tags: string[] };
};

const ORDER_BY: Record<NonNullable<GroupSearch["sort"]>, Prisma.Sql> = {
  relevance: Prisma.sql`rank DESC, g."name" ASC`,
  name: Prisma.sql`g."name" ASC`,
  updated: Prisma.sql`g."updatedAt" DESC, g."name" ASC`,
  sla: Prisma.sql`g."freshnessSlaSeconds" ASC, g."name" ASC`,
};

/** A catalog item as the query returns it, before counts become numbers and matches are attached. */
type Row = Omit<GroupSearchItem, "featureCount" | "matchedFeatures"> & {
  id: string;
  feature_count: bigint;
  total: bigint;
};

/**
 * Ranked full-text search over groups and their features (GIN index on a trigger-maintained
 * tsvector) with filters, sorting and pagination: three queries whatever the page holds.
 */
export async function searchGroups(query: GroupSearch): Promise<GroupSearchPage> {
  const prisma = getPrisma();
  const tsquery = toPrefixQuery(query.q);
  const sort = query.sort ?? (tsquery ? "relevance" : "name");
  const offset = (query.page - 1) * query.size;
  const rows = await prisma.$queryRaw<Row[]>`
    WITH q AS (SELECT CASE WHEN ${tsquery} = '' THEN NULL ELSE to_tsquery('simple', ${tsquery}) || to_tsquery('english', ${tsquery}) END AS query)
    SELECT g."id", g."name", g."description", g."owner", g."team", g."tags", e."name" AS entity, g."status"::text AS status,
           g."freshnessSlaSeconds", g."materializedView", g."updatedAt",
           (SELECT count(*) FROM "Feature" AS f WHERE f."groupId" = g."id") AS feature_count,
           CASE WHEN q.query IS NULL THEN 0 ELSE ts_rank(g."searchDocument", q.query) END AS rank,
           count(*) OVER () AS total
    FROM "FeatureGroup" AS g LEFT JOIN "Entity" AS e ON e."id" = g."entityId" CROSS JOIN q
    WHERE (q.query IS NULL OR g."searchDocument" @@ q.query)
      AND (${query.owner ?? null}::text IS NULL OR g."owner" = ${query.owner ?? null}::text)
      AND (${query.entity ?? null}::text IS NULL OR e."name" = ${query.entity ?? null}::text)
      AND (${query.tag ?? null}::text IS NULL OR ${query.tag ?? null}::text = ANY(g."tags"))
      AND (${query.status ?? null}::text IS NULL OR g."status"::text = ${query.status ?? null}::text)
    ORDER BY ${ORDER_BY[sort]}
    LIMIT ${query.size} OFFSET ${offset}`;

  const matched = new Map<string, { name: string; dtype: string }[]>();
  if (tsquery && rows.length > 0) {
    const features = await prisma.$queryRaw<{ groupId: string; name: string; dtype: string }[]>`
      SELECT f."groupId", f."name", f."dtype" FROM "Feature" AS f
      WHERE f."groupId" = ANY(${rows.map((row) => row.id)}::text[])
        AND (to_tsvector('simple', f."name") || to_tsvector('english', f."description")) @@ (to_tsquery('simple', ${tsquery}) || to_tsquery('english', ${tsquery}))
      ORDER BY f."groupId", f."position"`;
    for (const feature of features)
      matched.set(feature.groupId, [...(matched.get(feature.groupId) ?? []), { name: feature.name, dtype: feature.dtype }]);
  }

  const [facets] = await prisma.$queryRaw<{ owners: string[] | null; entities: string[] | null; tags: string[] | null }[]>`
    SELECT (SELECT array_agg(DISTINCT "owner" ORDER BY "owner") FROM "FeatureGroup") AS owners,
           (SELECT array_agg(DISTINCT "name" ORDER BY "name") FROM "Entity") AS entities,
           (SELECT array_agg(DISTINCT t ORDER BY t) FROM "FeatureGroup", unnest("tags") AS t) AS tags`;

  return {
    items: rows.map((row) => ({
      name: row.name,
      description: row.description,
      owner: row.owner,
      team: row.team,
      tags: row.tags,
      entity: row.entity,
      status: row.status,
      freshnessSlaSeconds: row.freshnessSlaSeconds,
      materializedView: row.materializedView,
      featureCount: Number(row.feature_count),
      updatedAt: row.updatedAt,
      matchedFeatures: matched.get(row.id) ?? [],
    })),
    total: Number(rows[0]?.total ?? 0),
    page: query.page,
    size: query.size,
    facets: { owners: facets?.owners ?? [], entities: facets?.entities ?? [], tags: facets?.tags ?? [] },
  };
}
