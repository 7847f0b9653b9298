// The customer decision cycle in a real Chromium: a P5 deal whose customer is recorded in Recognition is
// flagged "ahead of the customer" on the deal page and on the board card; once the customer is recorded in
// Evaluation the flag clears in both places. The test takes one of the rep's seeded P5 deals and narrows the board to it with ?q=.
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

type Deal = { id: string; name: string };

/**
 * One of the rep's seeded P5 deals, preferring one whose customer stage was never recorded. (Creating a deal
 * directly at P5 is gated like moving it there, and the demo org's gates ask for approvals and evidence.)
 */
async function findP5Deal(page: Page): Promise<Deal & { decisionStage: string | null }> {
  const response = await page.request.get("/api/v1/opportunities?stage=P5&limit=100");
  expect(response.ok()).toBe(true);
  const deals = ((await response.json()) as { data: (Deal & { decisionStage: string | null })[] }).data;
  expect(deals.length, "the rep has a seeded P5 deal").toBeGreaterThan(0);
  return deals.find((candidate) => candidate.decisionStage === null) ?? deals[0];
}

async function recordCustomerStage(page: Page, stageLabel: string, note: string) {
  const panel = page.getByTestId("decision-cycle-panel");
  await panel.locator('select[name="stage"]').selectOption({ label: stageLabel });
  await panel.locator('textarea[name="note"]').fill(note);
  await panel.getByRole("button", { name: "Record stage" }).click();
  await expect(panel.getByRole("status")).toHaveText("Customer stage recorded.");
}

const boardCard = (page: Page, deal: Deal) => page.locator(`[data-testid="pipeline-column"][data-stage="P5"] [data-card-id="${deal.id}"]`);

test("a P5 deal whose customer is in Recognition is flagged on the deal page and the board until the customer reaches Evaluation", async ({ page }) => {
  test.setTimeout(180_000); // five page visits and two saves on a machine shared by many test runs
  await signIn(page, "rep@demo.test");
  const deal = await findP5Deal(page);

  await page.goto(`/opportunities/${deal.id}`);
  const panel = page.getByTestId("decision-cycle-panel");
  if (deal.decisionStage === null) await expect(panel.getByTestId("customer-decision-stage")).toHaveText("Not recorded yet");
  await recordCustomerStage(page, "2. Recognition", "CFO still asks whether the outages are serious enough to act on");
  await expect(panel.getByTestId("customer-decision-stage")).toHaveText("Recognition");
  await expect(panel.getByTestId("deal-ahead-of-customer")).toContainText("3 step(s) behind");
  await expect(panel.getByRole("region", { name: /Coaching: Recognition/ })).toContainText("How serious is it?");

  await page.goto(`/pipeline?q=${encodeURIComponent(deal.name)}`);
  await expect(boardCard(page, deal)).toBeVisible();
  await expect(boardCard(page, deal).getByTestId("ahead-of-customer")).toContainText("Ahead +3");

  await page.goto(`/opportunities/${deal.id}`);
  await recordCustomerStage(page, "5. Evaluation", "Tender issued; we are on the shortlist");
  await expect(panel.getByTestId("customer-decision-stage")).toHaveText("Evaluation");
  await expect(panel.getByTestId("deal-ahead-of-customer")).toHaveCount(0);
  await expect(panel.getByTestId("decision-alignment")).toHaveText("In step with the customer");

  await page.goto(`/pipeline?q=${encodeURIComponent(deal.name)}`);
  await expect(boardCard(page, deal)).toBeVisible();
  await expect(boardCard(page, deal).getByTestId("ahead-of-customer")).toHaveCount(0);

  // The value chain keeps both changes, oldest first in the chart, newest first in the history.
  await page.goto(`/opportunities/${deal.id}/decision-cycle`);
  await expect(page.getByTestId("value-chain-chart")).toBeVisible();
  const history = page.getByTestId("decision-history");
  // Newest first: our two changes lead (a seeded deal may have older ones after them).
  await expect(history.getByRole("listitem").first()).toContainText("Recognition → Evaluation");
  await expect(history.getByRole("listitem").nth(1)).toContainText("Recognition");
});
