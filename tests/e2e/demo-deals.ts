import { expect, type Page } from "@playwright/test";
import { GATE_DEMO_DEALS } from "../../prisma/seed-gates";

export type DemoDeal = { id: string; name: string; version: number; stage: string };

/**
 * One of the rep's seeded P2 deals (prisma/seed-gates.ts): creating a deal at P2 is gated like moving
 * there, and the demo org's P2 gate needs a manager's approval, so journeys that start at P2 take these.
 */
export async function findGateDemoDeal(page: Page, index: 0 | 1): Promise<DemoDeal> {
  const { name } = GATE_DEMO_DEALS[index];
  const response = await page.request.get(`/api/v1/opportunities?q=${encodeURIComponent(name)}&limit=5`);
  expect(response.ok()).toBe(true);
  const deal = ((await response.json()) as { data: DemoDeal[] }).data.find((candidate) => candidate.name === name);
  expect(deal, `seeded deal "${name}"`).toBeTruthy();
  expect(deal!.stage).toBe("P2");
  return deal!;
}
