// The API is documented by the code that enforces it: every route module is in the table, and the
// document carries each route's own schemas.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const routeFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(path.join(dir, entry.name)) : entry.name === "route.ts" ? [path.join(dir, entry.name)] : [],
  );

describe("GET /api/openapi.json", () => {
  it("documents every route handler, each method with its summary, access and schemas", async () => {
    const { ROUTE_TABLE } = await import("@/app/api/route-table");
    const documented = new Set(ROUTE_TABLE.map((route) => route.path));
    const onDisk = routeFiles("app/api")
      .map((file) => `/${path.dirname(file)}`)
      .filter((route) => !route.includes("[...nextauth]") && route !== "/app/api/openapi.json")
      .map((route) => route.replace(/^\/app/, ""));
    expect([...documented].sort()).toEqual(onDisk.sort());

    const { GET } = await import("@/app/api/openapi.json/route");
    const response = await GET(new Request("http://test/api/openapi.json"));
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    for (const route of ROUTE_TABLE) {
      const operations = document.paths[route.path.replace(/\[(\w+)\]/g, "{$1}")];
      expect(Object.keys(operations).sort(), route.path).toEqual(
        Object.keys(route.methods)
          .filter((method) => ["GET", "POST", "PUT", "DELETE"].includes(method))
          .map((method) => method.toLowerCase())
          .sort(),
      );
      for (const operation of Object.values(operations) as { summary: string; description: string }[]) {
        expect(operation.summary.length, route.path).toBeGreaterThan(10);
        expect(operation.description).toMatch(/^(Open to anyone|Readers|Writers)/);
      }
    }
    const create = document.paths["/api/groups"].post;
    expect(create.requestBody.content["application/json"].schema.properties.name.pattern).toBe("^[a-z][a-z0-9_]{0,62}$");
    expect(create.description).toMatch(/^Writers/);
    expect(document.paths["/api/groups/{name}"].delete.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "name", in: "path", required: true }),
        expect.objectContaining({ name: "version", in: "query" }),
      ]),
    );
    expect(document.paths["/api/lookup"].get.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(["group", "key", "at"]),
    );
  });
});
