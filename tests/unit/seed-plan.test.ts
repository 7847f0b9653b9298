import { describe, expect, it } from "vitest";
import { isValidMoneyString } from "@/lib/domain/money";
import { DEFAULT_STAGE_TABLE, PIPELINE_STAGE_KEYS, STAGE_KEYS } from "@/lib/domain/stages";
import { DEMO_ACCOUNTS } from "@/prisma/seed-catalog";
import { createRandom, planAccounts, planContacts, planDeals } from "@/prisma/seed-plan";

const NOW = Date.parse("2026-11-28T09:00:00Z");
const DAY_MS = 86_400_000;

function plan(seed = 42) {
  const random = createRandom(seed);
  const accounts = planAccounts(random, DEMO_ACCOUNTS.map(([name, short, industry, region], index) => ({
    orgId: "org", name, short, industry, region, ownerId: `owner-${index % 3}`, teamId: "team", sellerIds: ["owner-0", "owner-1", "owner-2"],
  })));
  const contacts = planContacts(random, accounts);
  return { accounts, contacts, ...planDeals(random, { accounts, contacts, count: 300, currency: "CNY", now: NOW }) };
}

// Ids are random UUIDs; everything a person sees must be the same on every install.
const visible = (result: ReturnType<typeof plan>) =>
  result.opportunities.map(({ name, amount, stage, expectedCloseDate, productLine, lossReason }) => ({ name, amount, stage, expectedCloseDate, productLine, lossReason }));

describe("demo data plan", () => {
  it("is the same on every run with the same seed", () => {
    expect(visible(plan())).toEqual(visible(plan()));
    expect(visible(plan(1))).not.toEqual(visible(plan(2)));
  });

  it("covers every stage, with unique deal names and exact 2-place amounts", () => {
    const { opportunities } = plan();
    expect(new Set(opportunities.map((deal) => deal.stage))).toEqual(new Set(STAGE_KEYS));
    expect(new Set(opportunities.map((deal) => deal.name)).size).toBe(opportunities.length);
    for (const deal of opportunities) expect(isValidMoneyString(deal.amount)).toBe(true);
  });

  it("gives each account 2 to 5 contacts", () => {
    const { accounts, contacts } = plan();
    for (const account of accounts) {
      const count = contacts.filter((contact) => contact.accountId === account.id).length;
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(5);
    }
  });

  it("walks each deal P0 → … → its stage in time order, with the stage module's probabilities", () => {
    const { opportunities, stageChanges } = plan();
    for (const deal of opportunities) {
      const history = stageChanges.filter((change) => change.opportunityId === deal.id);
      expect(history[0].fromStage).toBeNull();
      expect(history[0].toStage).toBe("P0");
      expect(history.at(-1)!.toStage).toBe(deal.stage);
      expect(history.at(-1)!.at).toEqual(deal.stageEnteredAt);
      expect(deal.version).toBe(history.length);
      history.forEach((change, index) => {
        expect(change.probability).toBe(DEFAULT_STAGE_TABLE[change.toStage].probability);
        expect(change.amount).toBe(deal.amount);
        if (index === 0) return;
        expect(change.fromStage).toBe(history[index - 1].toStage);
        expect(change.at.getTime()).toBeGreaterThanOrEqual(history[index - 1].at.getTime());
        if (change.toStage !== "LOST") {
          expect(PIPELINE_STAGE_KEYS.indexOf(change.toStage as never)).toBe(PIPELINE_STAGE_KEYS.indexOf(change.fromStage as never) + 1);
        }
      });
      expect(deal.stage === "LOST" ? Boolean(deal.lossReason) : deal.lossReason === null).toBe(true);
    }
  });

  it("keeps history and activities in the past, and close dates within a year either side", () => {
    const { opportunities, stageChanges, activities } = plan();
    for (const change of stageChanges) expect(change.at.getTime()).toBeLessThanOrEqual(NOW);
    for (const activity of activities) expect(activity.occurredAt.getTime()).toBeLessThanOrEqual(NOW);
    for (const deal of opportunities) {
      expect(Math.abs(deal.expectedCloseDate.getTime() - NOW)).toBeLessThanOrEqual(366 * DAY_MS);
    }
    expect(activities.length).toBeGreaterThan(opportunities.length);
  });
});
