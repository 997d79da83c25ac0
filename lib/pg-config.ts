// Discrete pg connection fields from a postgres:// URL. Prisma's migrate engine mistakes a
// `connectionString` for its shadow database, so every pg client here gets discrete fields.
export type PgConfig = { host: string; port: number; user: string; password?: string; database: string };

export function pgConfigFromUrl(url: string): PgConfig {
  if (!url) throw new Error("DATABASE_URL is not set");
  const parsed = new URL(url);
  return {
    host: decodeURIComponent(parsed.hostname) || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || "postgres",
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
  };
}
