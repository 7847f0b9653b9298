import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a manager opens the dashboard, changes period and grouping, and drills into a cell to its deals", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "manager@demo.test");
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("forecast-row").first()).toBeVisible();

  const year = String(new Date().getUTCFullYear() + 0);
  await page.getByRole("textbox", { name: "Period" }).fill(year);
  await page.getByLabel("Group by").selectOption("productLine");
  await page.getByLabel("then").selectOption("");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`period=${year}.*by=productLine`));
  await expect(page.getByRole("heading", { name: `Forecast ${year}-01-01 – ${year}-12-31` })).toBeVisible();

  const row = page.getByTestId("forecast-row").first();
  await expect(row).toBeVisible();
  const label = (await row.getByRole("button").textContent()) ?? "";
  const count = Number(await row.locator("td").nth(1).textContent());
  expect(count).toBeGreaterThan(0);
  await row.getByRole("button").click();
  const drill = page.getByTestId("forecast-drill");
  await expect(drill.getByRole("heading", { name: `Deals in ${label}` })).toBeVisible();
  await expect(drill.locator("tbody tr")).toHaveCount(Math.min(count, 500));
});
