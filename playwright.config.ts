import { defineConfig, devices } from "@playwright/test";
import { ADMIN_STATE } from "./e2e/support/accounts";
import { CHROMIUM_LAUNCH } from "./e2e/support/chromium";

// Browser tests run Debian's Chromium against `next start` (a production build); never a downloaded browser.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

for (const key of ["DATABASE_URL", "RISINGWAVE_URL", "REDIS_URL"]) {
  const value = process.env[key];
  if (value && !/@(127\.0\.0\.1|localhost)[:/]|^redis:\/\/(127\.0\.0\.1|localhost)/.test(value)) {
    throw new Error(`e2e tests refuse to run against a non-local ${key}: ${value}`);
  }
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: CHROMIUM_LAUNCH,
  },
  // "setup" signs in as the demo admin once; the specs start from that session.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined, storageState: ADMIN_STATE }, dependencies: ["setup"] },
  ],
  webServer: {
    command: `npx next start -p ${PORT} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
