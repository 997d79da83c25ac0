import "server-only";

/**
 * A bad configuration stops the server at start, with every bad key listed, instead of failing
 * later on the first request that needs the missing value.
 */
export async function assertConfigurationOrExit(): Promise<void> {
  try {
    await import("./env");
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    console.error(`\nTideline cannot start.\n${detail}\nSee .env.example and the configuration table in README.md.\n`);
    process.exit(1);
  }
}
