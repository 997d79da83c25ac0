import { expect, test as setup } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "./support/accounts";

// Every spec that writes runs as the demo admin; e2e/auth.spec.ts signs in as an owner itself.
setup("sign in as the demo admin", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(ADMIN.email);
  await page.context().storageState({ path: ADMIN_STATE });
});
