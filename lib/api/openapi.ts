import { z, type ZodType } from "zod";
import type { RouteSpec } from "./define-route";

export type DocumentedRoute = {
  path: string;
  methods: Partial<Record<"GET" | "POST" | "PUT" | "DELETE", { spec: RouteSpec<unknown, unknown, unknown> }>>;
};

const HTTP_METHODS = new Set(["GET", "POST", "PUT", "DELETE"]);

const jsonSchema = (schema: ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;

/** Object schemas' properties as OpenAPI parameters (`in: path` or `in: query`). */
function parameters(schema: ZodType | undefined, location: "path" | "query") {
  if (!schema) return [];
  const shape = jsonSchema(schema);
  const properties = (shape.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((shape.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || required.has(name),
    schema: property,
    ...(typeof property.description === "string" ? { description: property.description } : {}),
  }));
}

const SECURITY: Record<RouteSpec<unknown, unknown, unknown>["access"], string> = {
  public: "Open to anyone.",
  read: "Readers: anyone with READ_ACCESS=public; a signed-in session or an API token with READ_ACCESS=signed-in.",
  write:
    "Writers: a signed-in editor or admin (session cookie from this site, JSON body) or an API token with write scope; editors change only their own or their team's groups.",
};

/** What each kind of successful answer is called and its media type. */
const RESPONSE_KINDS = {
  json: { description: "JSON", type: "application/json" },
  yaml: { description: "YAML", type: "application/yaml" },
  csv: { description: "CSV", type: "text/csv" },
  empty: { description: "Done", type: "" },
} as const;

/** The OpenAPI 3.1 document of the API, from the same specs the handlers enforce. */
export function buildOpenApi(routes: DocumentedRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const openApiPath = route.path.replace(/\[(\w+)\]/g, "{$1}");
    for (const [method, handler] of Object.entries(route.methods)) {
      // A route module also exports Next's settings (`dynamic`): only HTTP methods with a spec are operations.
      if (!HTTP_METHODS.has(method) || !handler?.spec) continue;
      const spec = handler.spec;
      const responses: Record<string, unknown> = {
        [String(spec.status ?? (spec.responds === "empty" ? 204 : 200))]: {
          description: RESPONSE_KINDS[spec.responds ?? "json"].description,
          ...(spec.responds === "empty" ? {} : { content: { [RESPONSE_KINDS[spec.responds ?? "json"].type]: {} } }),
        },
        "4XX": { description: "`{error, issues: [{path, message}]}`", content: { "application/json": {} } },
      };
      paths[openApiPath] = {
        ...paths[openApiPath],
        [method.toLowerCase()]: {
          summary: spec.summary,
          description: SECURITY[spec.access],
          parameters: [...parameters(spec.params, "path"), ...parameters(spec.query, "query")],
          ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.body) } } } } : {}),
          responses,
        },
      };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Tideline API",
      version: "1",
      description: "Feature registry and freshness observability for RisingWave feature stores.",
    },
    paths,
  };
}
