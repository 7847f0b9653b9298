import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo-Pipeline-2026";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The first sign-in after a cold start compiles routes and hashes; give it time on a busy machine.
  await expect(page).toHaveURL(/\/opportunities/, { timeout: 30_000 });
}

export async function signOut(page: Page) {
  await page.context().clearCookies();
}
