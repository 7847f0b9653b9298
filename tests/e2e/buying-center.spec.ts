// The buying center in a real Chromium: a rep builds a small org chart by drag and drop, sets stances and
// roles, and watches the fishing-net gap for an uncovered decision maker disappear once a colleague holds a
// relationship with them.
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

async function addContact(page: Page, name: string, title: string) {
  const form = page.getByRole("form", { name: "Add a contact" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Job title").fill(title);
  await form.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("region", { name: "Contacts" }).getByText(name)).toBeVisible();
}

test("build an org chart by drag and drop, set stances, close the fishing-net gap", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const [ceo, cto, dev] = [`Li CEO ${stamp}`, `Wang CTO ${stamp}`, `Zhao Dev ${stamp}`];
  await signIn(page, "rep@demo.test");

  await page.goto("/accounts/new");
  await page.getByLabel("Account name").fill(`E2E Buying Center ${stamp}`);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]{36}$/);
  await addContact(page, ceo, "General manager");
  await addContact(page, cto, "CTO");
  await addContact(page, dev, "Developer");

  await page.getByRole("link", { name: "Org chart" }).click();
  await expect(page.getByRole("heading", { name: /Org chart/ })).toBeVisible();
  const card = (name: string) => page.getByRole("button", { name, exact: true });

  // Drag the CTO under the CEO, then the developer under the CTO.
  await card(cto).dragTo(card(ceo));
  await expect(page.getByText(`${cto} now reports to ${ceo}.`)).toBeVisible();
  await card(dev).dragTo(card(cto));
  await expect(page.getByText(`${dev} now reports to ${cto}.`)).toBeVisible();
  const underCeo = page.locator("li", { has: card(ceo) }).first();
  await expect(underCeo.locator("li", { has: card(cto) }).locator("li", { has: card(dev) })).toBeVisible();

  // Dropping the CEO under the developer would close a loop: refused, nothing moves.
  await card(ceo).dragTo(card(dev));
  await expect(page.getByText(/report to someone who reports to them/)).toBeVisible();

  // Stance and roles through the side panel (the keyboard path).
  await card(ceo).click();
  const panel = page.getByRole("form", { name: "Selected contact" });
  await panel.getByLabel("Stance").selectOption("NEUTRAL");
  await panel.getByLabel("Level").selectOption("SENIOR");
  await panel.getByLabel("Decision maker").check();
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByText("Saved.")).toBeVisible();
  await expect(card(ceo)).toHaveClass(/border-slate-400/);
  await card(cto).click();
  await page.getByRole("form", { name: "Selected contact" }).getByLabel("Stance").selectOption("SUPPORTER");
  await page.getByRole("form", { name: "Selected contact" }).getByRole("button", { name: "Save" }).click();
  await expect(card(cto)).toHaveClass(/border-emerald-500/);
  // The keyboard alternative to dragging: the developer now reports straight to the CEO.
  await card(dev).click();
  await page.getByRole("form", { name: "Selected contact" }).getByLabel("Reports to").selectOption({ label: ceo });
  await page.getByRole("form", { name: "Selected contact" }).getByRole("button", { name: "Save" }).click();
  await expect(underCeo.locator(":scope > div > ul > li", { has: card(dev) })).toBeVisible();

  // The fishing net: the decision maker is a gap until a colleague holds a relationship with them.
  await page.getByRole("link", { name: "Fishing-net map" }).first().click();
  const gaps = page.getByTestId("fishing-net-gaps");
  await expect(gaps).toContainText(`Decision maker ${ceo} is not covered`);
  const link = page.getByRole("form", { name: "Link our person to a contact" });
  const colleague = await link.getByLabel("Our person").locator("option").nth(1).getAttribute("value");
  await link.getByLabel("Our person").selectOption(colleague!);
  await link.getByLabel("Contact").selectOption({ label: ceo });
  await link.getByLabel("Degree").selectOption("3");
  await link.getByLabel("Why (optional)").fill("Lunch after the site visit");
  await link.getByRole("button", { name: "Record" }).click();
  await expect(gaps).not.toContainText(`Decision maker ${ceo}`);
});
