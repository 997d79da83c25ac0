import "server-only";

/**
 * A bad configuration stops the server at start, with every bad key listed, instead of failing
 * later on the first request that needs the missing value.
 */
export async function assertConfigurationOrExit(): Promise<void> {
  let env: typeof import("./env").env;
  try {
    ({ env } = await import("./env"));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    console.error(`\nTideline cannot start.\n${detail}\nSee .env.example and the configuration table in README.md.\n`);
    process.exit(1);
  }
  // Not while `next build` prerenders: only a serving process collects.
  if (env.COLLECTOR_ENABLED === "true" && env.NEXT_PHASE !== "phase-production-build") {
    const { startCollector } = await import("./observability/collector");
    startCollector();
  }
}
