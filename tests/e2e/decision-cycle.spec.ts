// The customer decision cycle in a real Chromium: a P5 deal whose customer is recorded in Recognition is
// flagged "ahead of the customer" on the deal page and on the board card; once the customer is recorded in
// Evaluation the flag clears in both places. The test makes its own deal and narrows the board to it with ?q=.
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

type Deal = { id: string; name: string };

async function createP5Deal(page: Page): Promise<Deal> {
  const accounts = await page.request.get("/api/v1/accounts?limit=1");
  expect(accounts.ok()).toBe(true);
  const accountId = ((await accounts.json()) as { data: { id: string }[] }).data[0].id;
  const response = await page.request.post("/api/v1/opportunities", {
    data: { name: `E2E decision cycle ${Date.now()}`, accountId, amount: "480000.00", expectedCloseDate: "2027-06-30", productLine: "Switchgear", stage: "P5" },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as Deal;
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
  const deal = await createP5Deal(page);

  await page.goto(`/opportunities/${deal.id}`);
  const panel = page.getByTestId("decision-cycle-panel");
  await expect(panel.getByTestId("customer-decision-stage")).toHaveText("Not recorded yet");
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
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").first()).toContainText("Recognition → Evaluation");
});
