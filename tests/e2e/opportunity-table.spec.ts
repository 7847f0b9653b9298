// The opportunities table in a real Chromium: the search filter lives in the URL (typed, reloaded, shared),
// sorting by a column header (and back), the column chooser remembered across reloads, a bulk stage move
// with one result per row (a row someone else changed meanwhile is refused, the others move), a bulk move to
// Lost with its close-out review, and the CSV
// export of the whole filtered set in the table's order. Each test makes its own deals under a unique name
// and narrows the table to them with q, so the demo data around them does not matter.
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

type Deal = { id: string; name: string; version: number; stage: string };

async function createDeals(page: Page, label: string, specs: { suffix: string; amount: string; stage: string }[]): Promise<Deal[]> {
  const accounts = await page.request.get("/api/v1/accounts?limit=1");
  expect(accounts.ok()).toBe(true);
  const accountId = ((await accounts.json()) as { data: { id: string }[] }).data[0].id;
  const deals: Deal[] = [];
  for (const { suffix, amount, stage } of specs) {
    const response = await page.request.post("/api/v1/opportunities", {
      // A product line and an amount: the demo org's gate into P1 asks for them (creating at P2 or later would need an approval).
      data: { name: `${label} ${suffix}`, accountId, amount, expectedCloseDate: "2027-06-30", productLine: "Switchgear", stage },
    });
    expect(response.status()).toBe(201);
    deals.push((await response.json()) as Deal);
  }
  return deals;
}

/** The deal names in the table body, top to bottom. */
const rowNames = (page: Page, label: string) =>
  page.locator("tbody tr").filter({ hasText: label }).locator("td:nth-child(2) a").allTextContents();

const uniqueLabel = (kind: string) => `E2E table ${kind} ${Date.now()}`;

// Each test signs in, makes its deals through the API and loads several pages: on a busy shared machine
// that takes longer than the default minute.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page }) => {
  await signIn(page, "rep@demo.test");
});

test("the search filter lives in the URL, and a column header sorts both ways", async ({ page }) => {
  const label = uniqueLabel("sort");
  await createDeals(page, label, [
    { suffix: "Alpha", amount: "300000.00", stage: "P0" },
    { suffix: "Bravo", amount: "100000.00", stage: "P0" },
    { suffix: "Charlie", amount: "200000.00", stage: "P1" },
  ]);
  await page.goto("/opportunities");
  const search = page.getByLabel("Search by name");
  const searched = new RegExp(`[?&]q=${encodeURIComponent(label).replace(/%20/g, "(\\+|%20)")}`);
  // Typed before the page is interactive, the text would not reach React: type again until the URL follows.
  await expect(async () => {
    await search.fill(label);
    await search.press("Enter");
    await expect(page).toHaveURL(searched, { timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.locator("tbody tr")).toHaveCount(3);

  // The filtered view survives a reload, and a URL with one more filter narrows it further.
  await page.reload();
  await expect(page.getByLabel("Search by name")).toHaveValue(label);
  await expect(page.locator("tbody tr")).toHaveCount(3);
  await page.goto(`/opportunities?q=${encodeURIComponent(label)}&stage=P1`);
  expect(await rowNames(page, label)).toEqual([`${label} Charlie`]);
  await expect(page.getByLabel("Stage", { exact: true })).toHaveValue("P1");

  await page.goto(`/opportunities?q=${encodeURIComponent(label)}`);
  const amountHeader = page.getByRole("columnheader", { name: "Amount" });
  await amountHeader.getByRole("link").click();
  // Descending is the default direction for money, so the URL may leave it out.
  await expect(page).toHaveURL(/sort=amount(&dir=desc)?(&|$)/);
  await expect(amountHeader).toHaveAttribute("aria-sort", "descending");
  expect(await rowNames(page, label)).toEqual([`${label} Alpha`, `${label} Charlie`, `${label} Bravo`]);
  await amountHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=amount&dir=asc/);
  await expect(amountHeader).toHaveAttribute("aria-sort", "ascending");
  expect(await rowNames(page, label)).toEqual([`${label} Bravo`, `${label} Charlie`, `${label} Alpha`]);
  await expect(page.getByLabel("Search by name")).toHaveValue(label);
});

test("the column chooser shows and hides columns and remembers the choice", async ({ page }) => {
  const label = uniqueLabel("columns");
  await createDeals(page, label, [{ suffix: "Delta", amount: "50000.00", stage: "P0" }]);
  await page.goto(`/opportunities?q=${encodeURIComponent(label)}`);
  await expect(page.getByRole("columnheader", { name: "Owner" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Product line" })).toHaveCount(0);

  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Product line" }).click();
  // The menu stays open while columns are ticked.
  await page.getByRole("menuitemcheckbox", { name: "Owner" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("columnheader", { name: "Product line" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Owner" })).toHaveCount(0);
  await expect(page.locator("tbody tr").first()).toContainText("Switchgear");

  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Product line" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Owner" })).toHaveCount(0);

  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("menuitem", { name: "Default columns" }).click();
  await expect(page.getByRole("columnheader", { name: "Owner" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Product line" })).toHaveCount(0);
});

test("a bulk stage move reports each row: moved, or refused with the reason", async ({ page }) => {
  const label = uniqueLabel("bulk");
  const [echo, foxtrot] = await createDeals(page, label, [
    { suffix: "Echo", amount: "80000.00", stage: "P0" },
    { suffix: "Foxtrot", amount: "90000.00", stage: "P0" },
  ]);
  await page.goto(`/opportunities?q=${encodeURIComponent(label)}`);
  await page.getByLabel(`Select ${echo.name}`).check();
  await page.getByLabel(`Select ${foxtrot.name}`).check();
  await expect(page.getByText("2 selected")).toBeVisible();

  // Someone else edits Foxtrot meanwhile: the table still holds its first version.
  const edit = await page.request.patch(`/api/v1/opportunities/${foxtrot.id}`, { data: { amount: "95000.00", version: foxtrot.version } });
  expect(edit.status()).toBe(200);

  const bar = page.getByRole("form", { name: "Bulk stage move" });
  await bar.getByLabel("Move selected to").selectOption("P1");
  await bar.getByRole("button", { name: "Move 2" }).click();

  const results = page.getByRole("list", { name: "Stage move results" });
  await expect(results.locator('li[data-status="moved"]')).toHaveCount(1);
  await expect(results.locator('li[data-status="moved"]')).toContainText(echo.name);
  await expect(results.locator('li[data-status="moved"]')).toContainText("Moved to P1");
  await expect(results.locator('li[data-status="refused"]')).toContainText(foxtrot.name);
  await expect(results.locator('li[data-status="refused"]')).toContainText("Someone else changed this deal meanwhile");
  await expect(page.getByText("1 moved, 1 refused")).toBeVisible();

  const stageOf = async (id: string) => ((await (await page.request.get(`/api/v1/opportunities/${id}`)).json()) as Deal).stage;
  expect(await stageOf(echo.id)).toBe("P1");
  expect(await stageOf(foxtrot.id)).toBe("P0");
  // The refused row stays selected for a retry, now with its current version.
  await expect(page.getByLabel(`Select ${foxtrot.name}`)).toBeChecked();
  await expect(page.getByLabel(`Select ${echo.name}`)).not.toBeChecked();
});

test("a bulk move to Lost asks for the close-out review and writes it for each moved deal", async ({ page }) => {
  const label = uniqueLabel("lost");
  const [golf, hotel, india] = await createDeals(page, label, [
    { suffix: "Golf", amount: "70000.00", stage: "P0" },
    { suffix: "Hotel", amount: "75000.00", stage: "P0" },
    { suffix: "India", amount: "76000.00", stage: "P0" },
  ]);
  await page.goto(`/opportunities?q=${encodeURIComponent(label)}`);
  for (const deal of [golf, hotel, india]) await page.getByLabel(`Select ${deal.name}`).check();
  // Someone else edits India meanwhile: its move is refused, and so is the review written with it.
  expect((await page.request.patch(`/api/v1/opportunities/${india.id}`, { data: { amount: "77000.00", version: india.version } })).status()).toBe(200);

  const bar = page.getByRole("form", { name: "Bulk stage move" });
  await bar.getByLabel("Move selected to").selectOption("LOST");
  const review = bar.getByTestId("lost-review-fields");
  await expect(review.getByLabel("Primary reason").locator("option")).not.toHaveCount(1); // the org's reasons have loaded
  await bar.getByRole("button", { name: "Move 3" }).click();
  const gaps = bar.getByTestId("close-out-gap-list");
  await expect(gaps).toContainText("Choose the primary loss reason.");
  await expect(gaps).toContainText("Write the lessons learned.");
  await expect(page.getByRole("list", { name: "Stage move results" })).toHaveCount(0); // nothing was sent

  await review.getByLabel("Primary reason").selectOption({ label: "Customer postponed the project indefinitely" });
  await review.getByLabel("Lessons learned").fill("Confirm the project's funding before the proposal");
  await bar.getByRole("button", { name: "Move 3" }).click();

  const results = page.getByRole("list", { name: "Stage move results" });
  await expect(results.locator('li[data-status="moved"]')).toHaveCount(2);
  await expect(results.locator('li[data-status="refused"]')).toContainText(india.name);
  await expect(results.locator('li[data-status="refused"]')).toContainText("Someone else changed this deal meanwhile");
  await expect(page.getByText("2 moved, 1 refused")).toBeVisible();
  for (const deal of [golf, hotel]) {
    const stored = await page.request.get(`/api/v1/opportunities/${deal.id}/review`);
    expect(stored.status()).toBe(200);
    expect(await stored.json()).toMatchObject({ outcome: "LOST", lessons: "Confirm the project's funding before the proposal", isComplete: true });
  }
  expect((await page.request.get(`/api/v1/opportunities/${india.id}/review`)).status()).toBe(404);
});

test("Export CSV downloads the whole filtered set in the table's order", async ({ page }) => {
  const label = uniqueLabel("csv");
  await createDeals(page, label, [
    { suffix: "Golf", amount: "10000.00", stage: "P0" },
    { suffix: "Hotel", amount: "30000.00", stage: "P1" },
    { suffix: "India", amount: "20000.00", stage: "P0" },
  ]);
  await page.goto(`/opportunities?q=${encodeURIComponent(label)}&sort=amount&dir=desc`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const file = await download.path();
  const lines = readFileSync(file, "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0]).toContain("Name");
  expect(lines[0]).toContain("Amount");
  expect(lines).toHaveLength(4);
  expect(lines.slice(1).map((line) => /E2E table csv \d+ (\w+)/.exec(line)?.[1])).toEqual(["Hotel", "India", "Golf"]);
  expect(lines[1]).toContain("30000.00");
});
