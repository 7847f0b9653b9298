// The fishbone journey in a real Chromium: a rep builds a fishbone with two categories and three causes (one a
// sub-cause) on a deal, saves, reloads and finds it all again — in the outline and in the SVG — then exports a PNG.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a rep builds a fishbone, it survives a reload, and it exports as PNG", async ({ page }) => {
  test.setTimeout(180_000); // many steps on a machine shared by several builds
  await signIn(page, "rep@demo.test");
  const list = await page.request.get("/api/v1/opportunities?limit=1");
  expect(list.ok()).toBe(true);
  const [deal] = ((await list.json()) as { data: { id: string }[] }).data;
  await page.goto(`/opportunities/${deal.id}`);
  await page.getByRole("link", { name: "Analysis" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/opportunities/${deal.id}/analysis`));

  // Start from an empty diagram: remove whatever bones are there (the six defaults, or seeded ones).
  const categories = page.getByTestId("fishbone-category");
  while (await categories.count()) {
    await categories.first().getByRole("button", { name: /Remove category/ }).click();
  }
  await page.getByLabel("Head (goal or problem)").fill("Win the E2E deal");

  await page.getByRole("button", { name: "Add category" }).click();
  await page.getByRole("button", { name: "Add category" }).click();
  await categories.nth(0).getByLabel("Category name").fill("Relationship");
  await categories.nth(1).getByLabel("Category name").fill("Price");

  const causes = (index: number) => categories.nth(index).getByLabel("Cause", { exact: true });
  await categories.nth(0).getByRole("button", { name: "Add cause" }).click();
  await causes(0).last().fill("No access to the CIO");
  await categories.nth(0).getByRole("button", { name: "Add sub-cause" }).click();
  await causes(0).nth(1).fill("Coach changed jobs");
  await categories.nth(1).getByRole("button", { name: "Add cause" }).click();
  await causes(1).last().fill("Budget below our quote");
  await categories.nth(1).getByLabel("Status", { exact: true }).selectOption("IN_PROGRESS");
  await categories.nth(1).getByLabel("Due", { exact: true }).fill("2027-01-15");

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.reload();
  await expect(categories).toHaveCount(2);
  await expect(categories.nth(0).getByLabel("Category name")).toHaveValue("Relationship");
  await expect(categories.nth(1).getByLabel("Category name")).toHaveValue("Price");
  await expect(page.getByTestId("cause-row")).toHaveCount(3);
  await expect(causes(0).nth(0)).toHaveValue("No access to the CIO");
  await expect(causes(0).nth(1)).toHaveValue("Coach changed jobs");
  await expect(causes(1)).toHaveValue("Budget below our quote");
  await expect(categories.nth(1).getByLabel("Status", { exact: true })).toHaveValue("IN_PROGRESS");
  await expect(categories.nth(1).getByLabel("Due", { exact: true })).toHaveValue("2027-01-15");
  const svg = page.getByTestId("fishbone-svg");
  for (const text of ["Win the E2E deal", "Relationship", "Price", "No access to the CIO", "Coach changed jobs", "Budget below our quote"]) {
    await expect(svg).toContainText(text);
  }

  // The diagram is keyboard-usable: Enter on a cause in the SVG jumps to its row.
  await svg.getByRole("button", { name: /Budget below our quote/ }).focus();
  await page.keyboard.press("Enter");
  await expect(causes(1)).toBeFocused();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export PNG" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  expect(bytes.length).toBeGreaterThan(2000);
});
