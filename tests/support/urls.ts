/** The same server and credentials, another database (PostgreSQL) or database number (Redis). */
export function withDatabase(url: string, database: string | number): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}
