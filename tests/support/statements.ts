// Records the SQL a pg Pool is asked to run, so tests and benchmarks can count round trips.
import type { Pool } from "pg";

export function recordStatements(pool: Pool) {
  const original = pool.query.bind(pool);
  const statements: string[] = [];
  pool.query = ((sql: unknown, ...rest: unknown[]) => {
    statements.push(typeof sql === "string" ? sql : String((sql as { text?: string }).text ?? sql));
    return (original as (...args: unknown[]) => unknown)(sql, ...rest);
  }) as typeof pool.query;
  return { statements, clear: () => void statements.splice(0), restore: () => void (pool.query = original) };
}
