/** The same server and credentials, another database (PostgreSQL) or database number (Redis). */
export function withDatabase(url: string, database: string | number): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/** The same URL on another port (a backend moved to a hanging or closed port). */
export function withPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.port = String(port);
  return parsed.toString();
}
