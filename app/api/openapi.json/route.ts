import { defineRoute } from "@/lib/api/define-route";
import { buildOpenApi } from "@/lib/api/openapi";
import { ROUTE_TABLE } from "../route-table";

export const dynamic = "force-dynamic";

export const GET = defineRoute({ summary: "This document: the OpenAPI 3.1 description of the API.", access: "public" }, async () =>
  buildOpenApi(ROUTE_TABLE),
);
