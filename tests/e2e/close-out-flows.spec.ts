// A deal created directly at Lost, in a real Chromium: the create form shows the close-out review once Lost
// is chosen, lists what is missing, and creates the deal with its review; the deal page shows the primary
// reason as the loss reason. The same form in 简体中文.
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

test.describe.configure({ timeout: 180_000 });

async function fillNewDeal(page: Page, name: string) {
  await page.goto("/opportunities/new");
  await page.locator('input[name="name"]').fill(name);
  const account = page.locator('select[name="accountId"]');
  await account.selectOption((await account.locator("option").nth(1).getAttribute("value"))!);
  await page.locator('input[name="amount"]').fill("250000");
  await page.locator('input[name="expectedCloseDate"]').fill("2027-05-31");
  await page.locator('select[name="stage"]').selectOption("LOST");
}

test("a deal created at Lost needs its close-out review, written with the deal", async ({ page }) => {
  const name = `E2E created lost ${Date.now()}`;
  await signIn(page, "rep@demo.test");
  await fillNewDeal(page, name);

  const review = page.getByTestId("lost-review-fields");
  await expect(page.getByRole("group", { name: "Close-out review" })).toBeVisible();
  await expect(review.getByLabel("Primary reason").locator("option")).not.toHaveCount(1); // the org's reasons have loaded
  await page.getByRole("button", { name: "Create opportunity" }).click();
  const gaps = page.getByTestId("close-out-gap-list");
  await expect(gaps).toContainText("Choose the primary loss reason.");
  await expect(gaps).toContainText("Write the lessons learned.");
  await expect(page).toHaveURL(/\/opportunities\/new$/);

  await review.getByLabel("Primary reason").selectOption({ label: "Budget cut after the customer's restructuring" });
  await review.getByLabel("Lessons learned").fill("Ask who owns the budget at the first visit");
  await page.getByRole("button", { name: "Create opportunity" }).click();
  await expect(page).toHaveURL(/\/opportunities\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Budget cut after the customer's restructuring").first()).toBeVisible();

  const id = page.url().split("/").pop()!;
  const stored = await page.request.get(`/api/v1/opportunities/${id}/review`);
  expect(stored.status()).toBe(200);
  expect(await stored.json()).toMatchObject({ outcome: "LOST", lessons: "Ask who owns the budget at the first visit", isComplete: true });
});

test("the create form's close-out review in 简体中文", async ({ page }) => {
  await signIn(page, "rep3@demo.test");
  await chooseLanguage(page, "简体中文");
  try {
    await fillNewDeal(page, `E2E 输单 ${Date.now()}`);
    await expect(page.getByRole("group", { name: "项目总结" })).toBeVisible();
    await expect(page.getByText("直接创建为输单的商机与移至输单一样，须填写项目总结。", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "创建销售机会" }).click();
    await expect(page.getByTestId("close-out-gap-list")).toContainText("请填写经验教训。");
  } finally {
    // Back to English so the demo user stays as seeded for later runs on the same data.
    await chooseLanguage(page, "English");
  }
});

async function chooseLanguage(page: Page, language: "简体中文" | "English") {
  await page.getByRole("button", { name: /Language|语言/ }).click();
  await page.getByRole("menuitemradio", { name: language }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", language === "English" ? "en" : "zh-CN");
}
