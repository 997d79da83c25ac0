// Every documented route module with its path: the OpenAPI document and the API page are built
// from the specs these modules enforce (lib/api/define-route.ts), so they cannot drift apart.
import type { DocumentedRoute } from "@/lib/api/openapi";
import * as featureVector from "./serving/[group]/[key]/route";
import * as featureBatch from "./serving/batch/route";
import * as cost from "./cost/route";
import * as costCsv from "./cost/csv/route";
import * as drift from "./drift/route";
import * as freshness from "./freshness/route";
import * as groupAdvice from "./groups/[name]/advice/route";
import * as groupDrift from "./groups/[name]/drift/route";
import * as groupFreshness from "./groups/[name]/freshness/route";
import * as groupRedis from "./groups/[name]/redis/route";
import * as group from "./groups/[name]/route";
import * as groupYaml from "./groups/[name]/yaml/route";
import * as groups from "./groups/route";
import * as health from "./health/route";
import * as incidents from "./incidents/route";
import * as relation from "./lineage/relations/[id]/route";
import * as lineage from "./lineage/route";
import * as lookup from "./lookup/route";
import * as redisStats from "./redis/stats/route";
import * as registryExport from "./registry/export/route";
import * as registryImport from "./registry/import/route";
import * as registryImportDbt from "./registry/import/dbt/route";
import * as materializedViews from "./risingwave/materialized-views/route";

const route = (path: string, module: DocumentedRoute["methods"]): DocumentedRoute => ({ path, methods: module });

export const ROUTE_TABLE: DocumentedRoute[] = [
  route("/api/health", health),
  route("/api/groups", groups),
  route("/api/groups/[name]", group),
  route("/api/groups/[name]/yaml", groupYaml),
  route("/api/groups/[name]/freshness", groupFreshness),
  route("/api/groups/[name]/drift", groupDrift),
  route("/api/groups/[name]/redis", groupRedis),
  route("/api/groups/[name]/advice", groupAdvice),
  route("/api/registry/import", registryImport),
  route("/api/registry/import/dbt", registryImportDbt),
  route("/api/registry/export", registryExport),
  route("/api/freshness", freshness),
  route("/api/drift", drift),
  route("/api/cost", cost),
  route("/api/cost/csv", costCsv),
  route("/api/incidents", incidents),
  route("/api/lineage", lineage),
  route("/api/lineage/relations/[id]", relation),
  route("/api/lookup", lookup),
  route("/api/serving/[group]/[key]", featureVector),
  route("/api/serving/batch", featureBatch),
  route("/api/redis/stats", redisStats),
  route("/api/risingwave/materialized-views", materializedViews),
];
