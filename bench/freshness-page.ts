// /freshness with N groups (BENCH_GROUPS, 1,000) in Debian's Chromium against `next start` of the
// build in .next: time from navigation to the first row on screen, the main thread's long tasks
// during the load and two refreshes, and whether the filter and scroll survive a refresh.
// Run: npm run bench:freshness-page  (scratch databases, dropped at the end)
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "../e2e/support/chromium";
import { freePort } from "../tests/support/redis-server";
import { runBenchmark, startProcess, stopProcesses } from "./support/processes";
import { createScratchDatabases, startScaledPipeline } from "./support/scale";

const GROUPS = Number(process.env.BENCH_GROUPS ?? 1_000);
const urls = createScratchDatabases("page");

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no build in .next: run `npm run build` first");
  const { emulator, dispose } = await startScaledPipeline(GROUPS, urls);
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    emulator.start(); // barriers every second, as a cluster commits epochs
    const port = await freePort();
    await startProcess("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], /Ready in/, {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Long tasks from the first byte on, kept in the page for the benchmark to read.
    await page.addInitScript(() => {
      const seen: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = seen;
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => seen.push(entry.duration))).observe({
        type: "longtask",
        buffered: true,
      });
    });
    const base = `http://127.0.0.1:${port}`;
    await page.goto(`${base}/freshness`); // warm: compiled routes, connections, a first board
    const started = Date.now();
    await page.goto(`${base}/freshness`, { waitUntil: "commit" });
    await page.locator("tr[data-group]").first().waitFor({ state: "visible" });
    const firstRowMs = Date.now() - started;
    const rows = await page.locator("tr[data-group]").count();
    const loadTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.slice());

    await page.getByLabel("Status").selectOption("ok");
    await page.mouse.wheel(0, 1_500);
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.waitForTimeout(21_000); // two refreshes (every 10 s)
    const refreshTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.slice(0));
    const filterKept = new URL(page.url()).searchParams.get("status") === "ok";
    const scrollAfter = await page.evaluate(() => window.scrollY);
    const longest = Math.max(0, ...refreshTasks);
    console.log(`/freshness with ${GROUPS} groups, Chromium 1280×900:`);
    console.log(`  first row visible ${firstRowMs} ms after navigation (goal < 1,500 ms); ${rows} rows drawn`);
    console.log(`  long tasks during the load: ${loadTasks.length}, longest ${Math.max(0, ...loadTasks).toFixed(0)} ms`);
    console.log(
      `  long tasks over the load and two refreshes: ${refreshTasks.length}, longest ${longest.toFixed(0)} ms, over 200 ms: ${refreshTasks.filter((task) => task > 200).length} (goal 0)`,
    );
    console.log(`  across refreshes: filter ${filterKept ? "kept" : "lost"}; scroll ${scrolled} px before, ${scrollAfter} px after`);
  } finally {
    await browser.close();
    stopProcesses();
    await dispose();
  }
}

runBenchmark(main);
