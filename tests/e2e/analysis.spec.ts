// The project-analysis journey in a real Chromium, beyond the fishbone (fishbone.spec.ts): a rep scores the
// four-element positioning, adds a SWOT item and a TOWS strategy, adds a competitor, sees the score's
// contributions on the deal page, moves the deal to LOST through the close-out review, and downloads the
// project file as a PDF.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a rep analyses a deal, loses it through the review, and downloads its project file", async ({ page }) => {
  test.setTimeout(240_000); // many steps on a machine shared by several builds
  await signIn(page, "rep@demo.test");
  const accounts = await page.request.get("/api/v1/accounts?limit=1");
  expect(accounts.ok()).toBe(true);
  const [account] = ((await accounts.json()) as { data: { id: string }[] }).data;
  const dealName = `E2E analysis ${Date.now()}`;
  const created = await page.request.post("/api/v1/opportunities", {
    data: { name: dealName, accountId: account.id, amount: "480000.00", expectedCloseDate: "2027-06-30" },
  });
  expect(created.status()).toBe(201);
  const deal = (await created.json()) as { id: string };
  const analysis = (tab: string) => `/opportunities/${deal.id}/analysis?tab=${tab}`;
  const saved = page.getByRole("status").filter({ hasText: "Saved." });

  // Positioning: need 5, budget 4, with a note.
  await page.goto(analysis("positioning"));
  await page.getByLabel("Need: Score (0–5)").selectOption("5");
  await page.getByLabel("Budget: Score (0–5)").selectOption("4");
  await page.getByLabel("Need: Note").fill("Dispatch upgrade confirmed by the CIO");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(saved).toBeVisible();

  // SWOT: a strength and an opportunity, linked by an SO strategy.
  await page.goto(analysis("swot"));
  await page.getByLabel("Add: Strengths").fill("Reference site in Jiangsu");
  await page.getByLabel("Add: Strengths").press("Enter");
  await page.getByLabel("Add: Opportunities").fill("New budget cycle in Q3");
  await page.getByLabel("Add: Opportunities").press("Enter");
  await page.getByRole("button", { name: "Add strategy" }).click();
  await page.getByLabel("Strength / weakness").selectOption({ label: "Reference site in Jiangsu" });
  await page.getByLabel("Opportunity / threat").selectOption({ label: "New budget cycle in Q3" });
  await page.getByLabel("Strategy", { exact: true }).fill("Invite the CIO to the reference site");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(saved).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Strategy", { exact: true })).toHaveValue("Invite the CIO to the reference site");

  // A competitor with its golden triangle.
  await page.goto(analysis("competitors"));
  await page.getByRole("button", { name: "Add competitor" }).click();
  await page.getByRole("textbox", { name: "Competitor", exact: true }).fill("Acme Grid");
  await page.getByLabel("Customer needs").fill("Uptime above 99.99%");
  await page.getByLabel("Their offer").fill("Deep discount");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(saved).toBeVisible();

  // The deal page explains the score: positioning 9 of 20 is one of the contributions.
  await page.goto(`/opportunities/${deal.id}`);
  await expect(page.getByTestId("health-score")).toBeVisible();
  await expect(page.getByText("Positioning 9 of 20")).toBeVisible();

  // LOST needs the close-out review: the refusal lists what is missing, then the move goes through with it.
  await page.getByLabel("Move to stage").selectOption("LOST");
  const review = page.getByTestId("lost-review-fields");
  await review.getByLabel("Primary reason").selectOption({ label: "Competitor had a reference site in the same group" });
  await page.getByRole("button", { name: "Move", exact: true }).click();
  const gaps = page.getByTestId("close-out-gap-list");
  await expect(gaps).toContainText("Name the competitor who won.");
  await expect(gaps).toContainText("Write the lessons learned.");
  await review.getByLabel("Competitor who won").fill("Acme Grid");
  await review.getByLabel("Lessons learned").fill("Bring the TCO study before the tender");
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByText(/Moved to/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Stage history" })).toContainText("Competitor had a reference site in the same group");

  // The project file downloads as a PDF.
  await page.goto(`/opportunities/${deal.id}/file`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^project-file-.*\.pdf$/);
  const path = await download.path();
  const { readFileSync } = await import("node:fs");
  const pdf = readFileSync(path);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(5_000);
});
