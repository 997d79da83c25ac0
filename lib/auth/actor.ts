import "server-only";

/**
 * Who is writing, for the audit log. Sign-in (issue 9) is not built yet, so every write is
 * recorded as "anonymous"; this is the one place that will read the session.
 */
export async function currentActor(): Promise<string> {
  return "anonymous";
}
