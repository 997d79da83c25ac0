import { expect, test } from "@playwright/test";
import { ML_OWNER, RECSYS_OWNER } from "./support/accounts";
import { keepGroup } from "./support/pipeline";

test.use({ storageState: { cookies: [], origins: [] } });

let restoreGroup: () => Promise<void>;
test.beforeAll(async ({ browser }) => {
  restoreGroup = await keepGroup(browser, "user_features_1h"); // the owner's test edits its description
});
test.afterAll(() => restoreGroup());

test("an owner signs in and edits their group; another team's group shows no edit button and its edit URL refuses", async ({
  page,
}, testInfo) => {
  await page.goto("/groups/user_features_1h");
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  const anonymousWrite = await page.request.put("/api/groups/user_features_1h", { data: { version: 1, definition: {} } });
  expect(anonymousWrite.status()).toBe(401);

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(ML_OWNER.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await page.getByLabel("Password").fill(ML_OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(ML_OWNER.email);

  await page.goto("/groups/user_features_1h");
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page).toHaveURL(/\/groups\/user_features_1h\/edit$/);
  await page.getByLabel("Description", { exact: true }).fill("Edited by its owner in the e2e test.");
  await page.getByRole("button", { name: "Review changes" }).click();
  await page.getByRole("region", { name: "Review the plan" }).getByRole("button", { name: "Confirm and save" }).click();
  await expect(page).toHaveURL(/\/groups\/user_features_1h\?saved=\d+$/);
  await expect(page.getByText("Edited by its owner in the e2e test.")).toBeVisible();
  await page.goto("/groups/user_features_1h?tab=history");
  await expect(page.getByText(ML_OWNER.email).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("owner-edit.png"), fullPage: true });

  // Someone else's group: no write controls, and the direct URL refuses.
  await page.goto("/groups/user_item_affinity");
  await expect(page.getByRole("heading", { level: 1, name: "user_item_affinity" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await page.goto("/groups/user_item_affinity/edit");
  await expect(page.getByRole("heading", { name: "You cannot edit user_item_affinity" })).toBeVisible();
  expect((await page.request.delete("/api/groups/user_item_affinity")).status()).toBe(403);
  await page.screenshot({ path: testInfo.outputPath("refused.png"), fullPage: true });
});

test("API tokens: created once-visible on the settings page, used for a write, then revoked", async ({ page, playwright }) => {
  await page.goto("/signin?callbackUrl=/settings");
  await page.getByLabel("Email").fill(ML_OWNER.email);
  await page.getByLabel("Password").fill(ML_OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await page.getByLabel("Name", { exact: true }).fill("e2e-ci");
  await page.getByRole("button", { name: "Create token" }).click();
  const value = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(value).toMatch(/^tl_/);

  const api = await playwright.request.newContext({
    baseURL: page.url().replace(/\/settings$/, ""),
    extraHTTPHeaders: { authorization: `Bearer ${value}` },
  });
  const current = await (await api.get("/api/groups/user_features_1h")).json();
  const write = await api.put("/api/groups/user_features_1h", { data: { version: current.version, definition: current.definition } });
  expect(write.status()).toBe(200);

  await page.reload();
  await page.locator('tr[data-token="e2e-ci"]').getByRole("button", { name: "Revoke" }).click();
  await expect(page.locator('tr[data-token="e2e-ci"]')).toContainText("revoked");
  expect((await api.get("/api/groups/user_features_1h")).status()).toBe(200); // reads are public in the demo
  expect(
    (await api.put("/api/groups/user_features_1h", { data: { version: current.version + 1, definition: current.definition } })).status(),
  ).toBe(401);
  await api.dispose();
});

test("a user changes their password on /settings and signs out from /signout", async ({ page }) => {
  const signIn = async (password: string) => {
    await page.goto("/signin?callbackUrl=/settings");
    await page.getByLabel("Email").fill(RECSYS_OWNER.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  await signIn(RECSYS_OWNER.password);
  await expect(page).toHaveURL(/\/settings$/);
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not-my-password");
  await form.getByLabel("New password", { exact: true }).fill("a-new-password-123");
  await form.getByLabel("New password again").fill("a-new-password-123");
  await form.getByRole("button", { name: "Change password" }).click();
  // The server's issue lands on its field, the message above the form.
  await expect(form.getByLabel("Current password")).toHaveAccessibleDescription("wrong password");
  await expect(form.getByRole("alert").first()).toContainText("the current password is wrong");
  await form.getByLabel("Current password").fill(RECSYS_OWNER.password);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed.");

  await page.goto("/signout");
  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(RECSYS_OWNER.password);
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await signIn("a-new-password-123");
  await expect(page.getByTestId("signed-in-as")).toContainText(RECSYS_OWNER.email);
});
