import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo-Pipeline-2026";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/opportunities/);
}

export async function signOut(page: Page) {
  await page.context().clearCookies();
}
