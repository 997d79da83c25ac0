import { expect, test } from "@playwright/test";

const PAGES = [
  { path: "/", heading: "Overview", nav: "Overview" },
  { path: "/groups", heading: "Feature groups", nav: "Feature groups" },
  { path: "/groups/import", heading: "Import feature groups", nav: "Feature groups" },
  { path: "/freshness", heading: "Freshness", nav: "Freshness" },
  { path: "/lineage", heading: "Lineage", nav: "Lineage" },
  { path: "/lookup", heading: "Lookup", nav: "Lookup" },
  { path: "/redis", heading: "Redis", nav: "Redis" },
];

for (const page of PAGES) {
  test(`${page.path} renders inside the shell`, async ({ page: browser }, testInfo) => {
    const errors: string[] = [];
    browser.on("pageerror", (error) => errors.push(error.message));
    // The Content-Security-Policy must not block anything the page needs.
    browser.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) errors.push(message.text());
    });
    await browser.goto(page.path);
    await expect(browser.getByRole("heading", { level: 1, name: page.heading })).toBeVisible();
    const nav = browser.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: page.nav })).toHaveAttribute("aria-current", "page");
    await expect(browser.getByRole("link", { name: "Tideline" })).toBeVisible();
    await browser.screenshot({ path: testInfo.outputPath(`${page.heading.toLowerCase()}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });
}

test("the favicon, icons and web manifest are served", async ({ request }) => {
  for (const [path, type] of [
    ["/favicon.ico", /icon/],
    ["/icon.svg", /svg/],
    ["/icon-192.png", /png/],
    ["/apple-touch-icon.png", /png/],
    ["/manifest.webmanifest", /manifest\+json|json/],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "Tideline", start_url: "/" });
});

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/", "/api/health", "/signin"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
  }
  for (const path of ["/api/health", "/api/groups", "/api/freshness", "/api/lineage"]) {
    expect((await request.get(path)).headers()["cache-control"], path).toContain("no-store");
  }
});

test("navigation moves between sections", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Freshness" }).click();
  await expect(page).toHaveURL(/\/freshness$/);
  await expect(page.getByRole("heading", { level: 1, name: "Freshness" })).toBeVisible();
});

test("overview shows every backend up from /api/health", async ({ page }) => {
  await page.goto("/");
  for (const backend of ["postgres", "risingwave", "redis", "archive"]) {
    await expect(page.getByTestId(`backend-${backend}`)).toContainText(/up · \d+ ms/);
  }
});

test("theme follows the system and can be switched", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveClass(/dark/);
  const toggle = page.getByRole("button", { name: /^Theme:/ });
  await expect(toggle).toHaveAttribute("aria-label", /Theme: System/);
  await toggle.click(); // → light
  await expect(html).not.toHaveClass(/dark/);
  await page.reload();
  await expect(html).not.toHaveClass(/dark/); // the choice survives a reload
  await page.getByRole("button", { name: /^Theme:/ }).click(); // → dark
  await expect(html).toHaveClass(/dark/);
});

test("phone layout: 375 px wide with a menu", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/");
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toBeVisible();
  await menu.click();
  await page.locator("#mobile-nav").getByRole("link", { name: "Lineage" }).click();
  await expect(page).toHaveURL(/\/lineage$/);
  await page.screenshot({ path: testInfo.outputPath("phone-lineage.png"), fullPage: true });
});

test("the API page lists every route from the schemas the handlers enforce", async ({ page, request }) => {
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1, name: "API" })).toBeVisible();
  await expect(page.getByRole("region", { name: "POST /api/groups" })).toContainText("Registers a feature group");
  await expect(page.getByRole("table", { name: "Parameters of GET /api/lookup" })).toContainText("group");
  const document = await (await request.get("/api/openapi.json")).json();
  expect(Object.keys(document.paths)).toContain("/api/serving/{group}/{key}");
});
