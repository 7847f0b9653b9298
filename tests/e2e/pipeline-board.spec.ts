// The pipeline board in a real Chromium (demo org, default gates: P0→P1 needs product line and amount, which the deal has): a card dragged from P0 to P1 stays there after a reload and the
// move is in the deal's history; a move by keyboard (the card's menu) including LOST with its reason; a
// move the server refuses snaps back with the reason in words. Each test makes its own deal and narrows
// the board to it with ?q=, so the demo data around it does not matter.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { findGateDemoDeal } from "./demo-deals";
import { signIn } from "./helpers";

type Deal = { id: string; name: string; version: number };

async function createDeal(page: Page, label: string, stage = "P1"): Promise<Deal> {
  const accounts = await page.request.get("/api/v1/accounts?limit=1");
  expect(accounts.ok()).toBe(true);
  const accountId = ((await accounts.json()) as { data: { id: string }[] }).data[0].id;
  const name = `${label} ${Date.now()}`;
  const response = await page.request.post("/api/v1/opportunities", {
    data: { name, accountId, amount: "250000.00", expectedCloseDate: "2027-06-30", productLine: "Switchgear", stage },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as Deal;
}

const column = (page: Page, stage: string) => page.locator(`[data-testid="pipeline-column"][data-stage="${stage}"]`);
const cardIn = (page: Page, stage: string, deal: Deal) => column(page, stage).locator(`[data-card-id="${deal.id}"]`);

/** Presses on the card's lower part (not its link), travels past the activation distance, drops on the column. */
async function drag(page: Page, card: Locator, target: Locator) {
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("card or column not on screen");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height - 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height - 4, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 160, { steps: 12 });
  await page.mouse.up();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "rep@demo.test");
});

test("a card dragged from P0 to P1 moves at once, stays after a reload, and the history shows the move", async ({ page }) => {
  const deal = await createDeal(page, "E2E board drag", "P0");
  await page.goto(`/pipeline?q=${encodeURIComponent(deal.name)}`);
  await expect(cardIn(page, "P0", deal)).toBeVisible();
  await expect(column(page, "P0").getByTestId("column-count")).toHaveText("1");

  const saved = page.waitForResponse((response) => response.url().endsWith(`/api/v1/opportunities/${deal.id}/stage`));
  await drag(page, cardIn(page, "P0", deal), column(page, "P1"));
  await expect(cardIn(page, "P1", deal)).toBeVisible();
  await expect(cardIn(page, "P0", deal)).toHaveCount(0);
  expect((await saved).status()).toBe(200);
  await expect(column(page, "P1").getByTestId("column-count")).toHaveText("1");
  await expect(column(page, "P0").getByTestId("column-count")).toHaveText("0");

  await page.reload();
  await expect(cardIn(page, "P1", deal)).toBeVisible();
  await page.goto(`/opportunities/${deal.id}`);
  const history = page.getByRole("region", { name: "Stage history" });
  await expect(history).toContainText("P0");
  await expect(history).toContainText("P1");
});

test("a card moves by keyboard from its menu, and LOST asks for the loss reason", async ({ page }) => {
  // From the rep's seeded P2 deal: P2→P3 only warns in the demo org's gates (creating at P2 or moving
  // P1→P3 would need P2's approval).
  const deal = await findGateDemoDeal(page, 1);
  await page.goto(`/pipeline?q=${encodeURIComponent(deal.name)}`);
  const menu = page.getByRole("button", { name: `Move ${deal.name}` });
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  // The menu's code loads on first use; once open it takes the focus, and only then do arrow keys move in it.
  await expect(page.getByRole("menu")).toBeFocused();
  // The menu lists every other stage in order (P0, P1, P3, …): arrow down to P3, then Enter.
  const target = page.getByRole("menuitem", { name: /^P3/ });
  for (let step = 0; step < 8 && !(await target.evaluate((item) => item === document.activeElement)); step += 1) {
    await page.keyboard.press("ArrowDown");
  }
  await expect(target).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(cardIn(page, "P3", deal)).toBeVisible();

  await page.getByRole("button", { name: `Move ${deal.name}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeFocused();
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Lost" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(deal.name);
  // The LOST gate: the close-out review first (primary reason, lessons), listed when missing.
  await dialog.getByRole("button", { name: "Mark as lost" }).click();
  await expect(dialog.getByTestId("close-out-gap-list")).toContainText("Choose the primary loss reason.");
  await dialog.getByLabel("Primary reason").selectOption({ label: "Customer postponed the project indefinitely" });
  await dialog.getByLabel("Lessons learned").fill("Qualify the budget before the demo");
  await dialog.getByRole("button", { name: "Mark as lost" }).click();
  await expect(dialog).toBeHidden();
  await expect(cardIn(page, "P3", deal)).toHaveCount(0);
  await expect(column(page, "LOST").getByTestId("column-count")).toHaveText("1");
  await page.getByRole("button", { name: "Show lost deals" }).click();
  await expect(cardIn(page, "LOST", deal)).toBeVisible();
});

test("a move the server refuses snaps back and says why", async ({ page }) => {
  const deal = await createDeal(page, "E2E board conflict");
  await page.goto(`/pipeline?q=${encodeURIComponent(deal.name)}`);
  await expect(cardIn(page, "P1", deal)).toBeVisible();
  // Someone else moves the deal meanwhile (back to P0, which the demo org's gates allow with a reason):
  // the board still holds version 1.
  const elsewhere = await page.request.post(`/api/v1/opportunities/${deal.id}/stage`, {
    data: { to: "P0", version: deal.version, reason: "Customer paused the project" },
  });
  expect(elsewhere.status()).toBe(200);

  await drag(page, cardIn(page, "P1", deal), column(page, "P2"));
  const notice = page.getByTestId("move-notice");
  await expect(notice).toContainText(`could not be moved to`);
  await expect(notice).toContainText("Someone else changed this deal meanwhile");
  await expect(cardIn(page, "P2", deal)).toHaveCount(0);
  await expect(column(page, "P2").getByTestId("column-count")).toHaveText("0");
  // The column shows the deal as it is now: it left P1 for P0 in the other change.
  await page.reload();
  await expect(cardIn(page, "P0", deal)).toBeVisible();
});
