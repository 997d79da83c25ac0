import type { buildOpenApi } from "@/lib/api/openapi";

type Document = ReturnType<typeof buildOpenApi>;
type Operation = {
  summary: string;
  description: string;
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
};

const typeOf = (schema: Record<string, unknown>) => String(schema.type ?? (schema.enum ? "enum" : schema.anyOf ? "one of" : "any"));

/** The API, readable: every route's method, path, summary, who may call it, parameters and body schema. */
export function ApiReference({ document }: { document: Document }) {
  return (
    <div className="space-y-6">
      {Object.entries(document.paths).map(([path, methods]) =>
        Object.entries(methods as Record<string, Operation>).map(([method, operation]) => (
          <section
            key={`${method} ${path}`}
            aria-label={`${method.toUpperCase()} ${path}`}
            className="border-b border-slate-200 pb-4 dark:border-slate-800"
          >
            <h2 className="font-mono text-sm font-semibold">
              <span className="mr-2 rounded bg-tide-700 px-1.5 py-0.5 text-white">{method.toUpperCase()}</span>
              {path}
            </h2>
            <p className="mt-1 text-sm">{operation.summary}</p>
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{operation.description}</p>
            {operation.parameters.length > 0 ? (
              <table className="mt-2 text-left text-xs" aria-label={`Parameters of ${method.toUpperCase()} ${path}`}>
                <tbody>
                  {operation.parameters.map((parameter) => (
                    <tr key={`${parameter.in}-${parameter.name}`}>
                      <td className="pr-3 font-mono">{parameter.name}</td>
                      <td className="pr-3 text-slate-500">{parameter.in}</td>
                      <td className="pr-3">{typeOf(parameter.schema)}</td>
                      <td className="text-slate-500">{parameter.required ? "required" : "optional"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {operation.requestBody ? (
              <details className="mt-2 text-xs">
                <summary className="cursor-pointer">JSON body schema</summary>
                <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-100 p-2 dark:bg-slate-800">
                  {JSON.stringify(operation.requestBody.content["application/json"].schema, null, 2)}
                </pre>
              </details>
            ) : null}
          </section>
        )),
      )}
    </div>
  );
}
