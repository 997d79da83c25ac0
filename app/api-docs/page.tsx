import type { Metadata } from "next";
import { ROUTE_TABLE } from "@/app/api/route-table";
import { ApiReference } from "@/components/api/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { buildOpenApi } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API" };

export default function ApiDocsPage() {
  return (
    <>
      <PageHeader
        title="API"
        description="Every route, built from the schemas its handler enforces. Machine-readable: /api/openapi.json (OpenAPI 3.1). Errors are {error, issues: [{path, message}]} with a 4xx status."
      />
      <ApiReference document={buildOpenApi(ROUTE_TABLE)} />
    </>
  );
}
