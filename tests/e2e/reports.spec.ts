import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

const year = new Date().getUTCFullYear();
const sectionOf = (page: Page, heading: string) => page.locator("section").filter({ has: page.getByRole("heading", { name: heading, exact: true }) });

test("a manager switches the report from monthly to quarterly, prints it cleanly and exports a table as CSV", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "manager@demo.test");
  // Reached from the top nav, by keyboard.
  const reportsLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports", exact: true }).filter({ visible: true });
  await reportsLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Reports · Quarterly · / })).toBeVisible({ timeout: 60_000 });
  await expect(reportsLink).toHaveAttribute("aria-current", "page");

  await page.getByLabel("Report", { exact: true }).selectOption("month");
  await expect(page.getByLabel("Quarter")).toHaveCount(0);
  await page.getByLabel("Year").fill(String(year));
  await page.getByLabel("Month").selectOption("01");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Reports · Monthly · ${year}-01` })).toBeVisible();
  await expect(page.getByText(`${year}-01: ${year}-01-01 to ${year}-01-31`)).toBeVisible();

  await page.getByLabel("Report", { exact: true }).selectOption("quarter");
  await page.getByLabel("Quarter").selectOption("Q1");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Reports · Quarterly · ${year}-Q1` })).toBeVisible();
  await expect(page).toHaveURL(/kind=quarter/);

  // Print: the button is there; in print media the picker and the buttons disappear, the tables stay.
  const print = page.getByRole("button", { name: "Print report" });
  await expect(print).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(print).toBeHidden();
  await expect(page.getByRole("button", { name: "Show" })).toBeHidden();
  await expect(sectionOf(page, "Weighted forecast by owner").getByRole("table")).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // CSV of the owner table: the header row, one line per owner shown, and the total.
  const owners = sectionOf(page, "Weighted forecast by owner");
  const shownRows = await owners.locator("tbody tr").count();
  const [download] = await Promise.all([page.waitForEvent("download"), owners.getByRole("button", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`forecast-by-owner-${year}-Q1.csv`);
  const csv = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(csv[0]).toBe("Owner,Deals,Amount,Weighted");
  expect(csv).toHaveLength(1 + shownRows);
  expect(csv[csv.length - 1]).toMatch(/^Total,\d+,\d+\.\d{2},\d+\.\d{2}$/);
});

test("a manager sets a rep's quota on the dashboard and sees the attainment; a rep cannot set quotas", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "manager@demo.test");
  await page.goto(`/dashboard?period=${year}`);
  const quotas = sectionOf(page, "Quotas and attainment");
  await expect(quotas).toBeVisible({ timeout: 60_000 });
  await quotas.getByLabel("For", { exact: true }).selectOption({ label: "Liu Yang" });
  await quotas.getByLabel("Quota amount").fill("2,500,000");
  await quotas.getByRole("button", { name: "Save quota" }).click();
  await expect(quotas.getByText(`Quota of Liu Yang for ${year} saved.`)).toBeVisible();

  const row = quotas.getByRole("row", { name: /Liu Yang/ });
  await expect(row.getByRole("cell").nth(1)).toHaveText("CN¥2,500,000.00");
  const won = Number((await row.getByRole("cell").nth(2).textContent())?.replace(/[^\d.]/g, ""));
  const expected = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 }).format(Math.round((won / 2_500_000) * 10_000) / 10_000);
  await expect(row.getByRole("cell").nth(4)).toHaveText(expected);

  // The manager's own quota is set by someone above them: not offered.
  await expect(quotas.getByLabel("For", { exact: true }).locator("option", { hasText: "Wang Qiang" })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, "rep@demo.test");
  await page.goto(`/dashboard?period=${year}`);
  await expect(sectionOf(page, "Quotas and attainment")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("form", { name: "Set a quota" })).toHaveCount(0);
});

test("a manager filters the warnings feed by rep and team, acknowledges one and snoozes another", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "manager@demo.test");
  await page.goto("/dashboard");
  const feed = sectionOf(page, "Early warnings");
  await expect(feed.getByTestId("warning-item").first()).toBeVisible({ timeout: 60_000 });

  await feed.getByRole("link", { name: "Mine" }).click();
  await expect(page).toHaveURL(/warnings=mine/);
  await feed.getByRole("link", { name: "My teams" }).click();
  await expect(page).toHaveURL(/warnings=team/);
  await feed.getByLabel("Owner", { exact: true }).selectOption({ label: "Liu Yang" });
  const items = feed.getByTestId("warning-item");
  await expect(items.first()).toBeVisible();
  for (const text of await items.allTextContents()) expect(text).toContain("· Liu Yang");

  const countOf = async () => Number((await feed.getByText(/^\d+ open$/).textContent())?.split(" ")[0]);
  const before = await countOf();
  const first = await items.first().getAttribute("data-warning");
  await items.first().getByRole("button", { name: "Acknowledge" }).click();
  await expect(feed.locator(`[data-warning="${first}"]`)).toHaveCount(0);
  await expect(feed.getByText(`${before - 1} open`)).toBeVisible();

  const second = await items.first().getAttribute("data-warning");
  await items.first().getByRole("button", { name: "Snooze 7 days" }).click();
  await expect(feed.locator(`[data-warning="${second}"]`)).toHaveCount(0);
  await expect(feed.getByText(`${before - 2} open`)).toBeVisible();

  // Stored on the server: still gone after a reload.
  await page.reload();
  await expect(sectionOf(page, "Early warnings").getByText(`${before - 2} open`)).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(`[data-warning="${first}"], [data-warning="${second}"]`)).toHaveCount(0);
});

test("an admin sees the calibration table beside the stage settings", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "admin@demo.test");
  await page.goto("/admin/stages");
  const table = page.getByTestId("calibration-table");
  await expect(table.getByRole("heading", { name: "Calibration: configured probability vs observed win rate" })).toBeVisible({ timeout: 60_000 });
  await expect(table.locator("tbody tr")).toHaveCount(8);
  const p0 = table.getByTestId("calibration-row-P0").getByRole("cell");
  await expect(p0.nth(1)).toHaveText("10%");
  await expect(p0.nth(2)).toHaveText(/^\d+(\.\d)?%$/);
  expect(Number(await p0.nth(4).textContent())).toBeGreaterThan(0);
  await expect(table.getByTestId("calibration-row-P7").getByRole("cell").nth(2)).toHaveText("100%");
  await expect(table.getByRole("button", { name: "Export CSV" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "P0 Research" })).toBeVisible();
});

test("a rep finds Reports in the top nav, in Chinese too, and sees their own report", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "rep3@demo.test");
  await page.getByRole("button", { name: /Language/ }).click();
  await page.getByRole("menuitemradio", { name: "简体中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  try {
    const reportsLink = page.getByRole("navigation").getByRole("link", { name: "报表", exact: true }).filter({ visible: true });
    await reportsLink.click();
    await expect(page).toHaveURL(/\/reports$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("报表", { timeout: 60_000 });
  } finally {
    // Back to English so the demo user stays as seeded for later runs on the same data.
    await page.getByRole("button", { name: /语言|Language/ }).click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
});
