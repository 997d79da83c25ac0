import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// Every page: no serious or critical axe violation (WCAG 2 A/AA), and nothing wider than a phone.
const PAGES = [
  "/",
  "/groups",
  "/groups/user_features_1h",
  "/groups/user_features_1h/freshness",
  "/groups/user_features_1h/archive",
  "/groups/user_features_1h/drift",
  "/groups/user_features_1h/versions",
  "/groups/new",
  "/groups/import",
  "/freshness",
  "/lineage",
  "/lookup?group=user_features_1h&key.user_id=7",
  "/redis",
  "/cost",
  "/settings",
  "/api-docs",
  "/no-such-page",
];

for (const path of PAGES) {
  test(`${path}: no serious or critical accessibility violation`, async ({ page }) => {
    await page.goto(path);
    await page.locator("main").waitFor();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
    expect(serious).toEqual([]);
  });

  test(`${path}: fits a 375 px phone without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(path);
    await page.locator("main").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("keyboard: a skip link leads to the content, and Escape closes the phone menu", async ({ page }) => {
  await page.goto("/freshness");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/");
  const menu = page.getByRole("button", { name: "Menu" });
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
});

test("keyboard: a search keeps focus in the search box; Enter on a lineage node opens its panel", async ({ page }) => {
  await page.goto("/groups");
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill("purchase");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=purchase/);
  await expect(search).toBeFocused();

  await page.goto("/lineage");
  const node = page.locator('.react-flow__node[data-id="user_events"]');
  await node.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/node=user_events/);
  await expect(page.getByRole("complementary", { name: "Details of user_events" })).toBeVisible();
});
