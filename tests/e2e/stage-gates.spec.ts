// Stage gates in a real Chromium: an admin adds a checklist item to P3 in /admin/stages; the rep's drag of a
// P2 deal to P3 on the board is refused, naming the item, with a link to fix it; the rep follows the link,
// logs an activity and ticks the item with it as evidence on the deal page; the same drag then succeeds.
// The seeded P2 deal comes from prisma/seed-gates.ts; the criterion is removed afterwards, so the other
// journeys see the demo org's default gates.
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { findGateDemoDeal } from "./demo-deals";
import { signIn } from "./helpers";

// Server actions and page loads wait behind other work on a busy machine.
const patient = expect.configure({ timeout: 30_000 });

const ITEM = { en: `Design review signed off ${Date.now()}`, zh: "方案评审已签字" };

const column = (page: Page, stage: string) => page.locator(`[data-testid="pipeline-column"][data-stage="${stage}"]`);
const cardIn = (page: Page, stage: string, id: string) => column(page, stage).locator(`[data-card-id="${id}"]`);

/** Presses on the card's lower part (not its link), travels past the activation distance, drops on the column. */
async function drag(page: Page, card: Locator, target: Locator) {
  // Both columns in the middle of the screen, away from the board's auto-scrolling edges.
  await target.evaluate((element) => element.scrollIntoView({ block: "nearest", inline: "center" }));
  const from = await card.boundingBox();
  if (!from) throw new Error("card not on screen");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height - 12);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height - 4, { steps: 4 });
  // Drop only once the board highlights the aimed column: the layout may still shift while cards load.
  await expect(async () => {
    const to = await target.boundingBox();
    if (!to) throw new Error("column not on screen");
    await page.mouse.move(to.x + to.width / 2, to.y + 160, { steps: 6 });
    await expect(target).toHaveAttribute("data-drop-target", "true", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.mouse.up();
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test.afterAll(async ({ browser }) => {
  const admin = await signedIn(browser, "admin@demo.test");
  const criteria = (await (await admin.request.get("/api/v1/admin/gates?stage=P3")).json()) as { id: string; label: { en: string } }[];
  for (const criterion of criteria.filter((item) => item.label.en === ITEM.en)) {
    expect((await admin.request.delete(`/api/v1/admin/gates/${criterion.id}`)).status()).toBe(204);
  }
  await admin.context().close();
});

test("an admin's new P3 checklist item stops the rep's drag until it is ticked with an activity as evidence", async ({ browser }) => {
  // Two people sign in and the rep works through four pages: more than the default minute on a busy machine.
  test.setTimeout(240_000);
  // The admin adds a blocking checklist item to P3.
  const admin = await signedIn(browser, "admin@demo.test");
  await admin.goto("/admin/stages");
  const p3 = admin.getByRole("region", { name: /^P3/ });
  const addForm = p3.getByRole("form", { name: "Add criterion" });
  await addForm.getByLabel("Kind").selectOption("CHECKLIST");
  await addForm.getByLabel("Label (English)").fill(ITEM.en);
  await addForm.getByLabel("Label (简体中文)").fill(ITEM.zh);
  await addForm.getByLabel("Mode").selectOption("BLOCK");
  await addForm.getByRole("button", { name: "Add criterion" }).click();
  await patient(admin.getByText("Criterion added.")).toBeVisible();
  await patient(p3.getByRole("cell", { name: ITEM.en })).toBeVisible();
  await admin.context().close();

  // The rep drags a P2 deal to P3: refused, the item named, with a link to fix it.
  const rep = await signedIn(browser, "rep@demo.test");
  const deal = await findGateDemoDeal(rep, 0);
  await rep.goto(`/pipeline?q=${encodeURIComponent(deal.name)}`);
  await patient(cardIn(rep, "P2", deal.id)).toBeVisible();
  const refused = rep.waitForResponse((response) => response.url().endsWith(`/api/v1/opportunities/${deal.id}/stage`));
  await drag(rep, cardIn(rep, "P2", deal.id), column(rep, "P3"));
  expect((await refused).status()).toBe(422);
  const notice = rep.getByTestId("move-notice");
  await patient(notice).toContainText("could not be moved to");
  const unmet = notice.getByTestId("gate-fix-list").getByRole("listitem");
  await patient(unmet).toHaveCount(1);
  await patient(unmet).toContainText(ITEM.en);
  await patient(cardIn(rep, "P2", deal.id)).toBeVisible();
  await patient(cardIn(rep, "P3", deal.id)).toHaveCount(0);

  // The link opens the deal's gate checklist for P3 at that item.
  await unmet.getByRole("link", { name: /Tick it with evidence/ }).click();
  await patient(rep).toHaveURL(new RegExp(`/opportunities/${deal.id}\\?gateTo=P3#gate-`));
  const item = rep.locator(`li[id^="gate-"]`).filter({ hasText: ITEM.en });
  await patient(item).toBeVisible();
  await patient(item).toContainText("Not met");

  // The rep logs the design review as an activity, then ticks the item with it as evidence.
  const subject = `Design review with the customer's engineering team ${Date.now()}`;
  await rep.getByRole("button", { name: "Log activity" }).click();
  const logForm = rep.getByRole("form", { name: "Log an activity" });
  await logForm.getByLabel("Type").selectOption("SOLUTION_DESIGN");
  await logForm.getByLabel("Subject").fill(subject);
  await logForm.getByRole("button", { name: "Save activity" }).click();
  await patient(rep.getByText("Activity logged.")).toBeVisible();
  const evidence = item.getByLabel("Evidence activity");
  const option = evidence.locator("option", { hasText: subject });
  await patient(option).toHaveCount(1);
  await evidence.selectOption((await option.getAttribute("value")) ?? "");
  await item.getByRole("button", { name: "Tick", exact: true }).click();
  await patient(item).toContainText(subject);
  await patient(item).not.toContainText("Not met");

  // The same drag now goes through.
  await rep.goto(`/pipeline?q=${encodeURIComponent(deal.name)}`);
  await patient(cardIn(rep, "P2", deal.id)).toBeVisible();
  const moved = rep.waitForResponse((response) => response.url().endsWith(`/api/v1/opportunities/${deal.id}/stage`));
  await drag(rep, cardIn(rep, "P2", deal.id), column(rep, "P3"));
  expect((await moved).status()).toBe(200);
  await patient(cardIn(rep, "P3", deal.id)).toBeVisible();
  await rep.reload();
  await patient(cardIn(rep, "P3", deal.id)).toBeVisible();
  await rep.context().close();
});
