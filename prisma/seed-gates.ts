// Demo deals for the stage gates (issue 4): two of the rep's deals that passed project initiation (立项) —
// the manager's approval on record and used by the move into P2 — and now wait for the design exchange
// (P3). They make the gates visible on day one, and the e2e journeys (tests/e2e/stage-gates.spec.ts, the
// board's keyboard move) each take one by name instead of depending on the random plan.
import { randomUUID } from "node:crypto";
import { DEFAULT_STAGE_TABLE, type StageKey } from "../lib/domain/stages";
import type { DbClient } from "../tests/factories";

export const GATE_DEMO_DEALS = [
  { name: "Design exchange — plant-wide SCADA platform", productLine: "SCADA Software", amount: "1280000.00" },
  { name: "Design exchange — 10 kV ring main units", productLine: "Switchgear", amount: "864000.00" },
] as const;

const DAY_MS = 86_400_000;
const WALK: { stage: StageKey; daysAgo: number }[] = [{ stage: "P0", daysAgo: 42 }, { stage: "P1", daysAgo: 27 }, { stage: "P2", daysAgo: 4 }];

export async function seedGateDemoDeals(tx: DbClient, input: { orgId: string; repId: string; managerId: string; now: number }): Promise<void> {
  const { orgId, repId, managerId, now } = input;
  const account = await tx.account.findFirstOrThrow({ where: { orgId, ownerId: repId }, orderBy: { name: "asc" }, select: { id: true } });
  const membership = await tx.teamMember.findFirstOrThrow({ where: { userId: repId, team: { managerId } }, select: { teamId: true } });
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
  for (const deal of GATE_DEMO_DEALS) {
    const id = randomUUID();
    await tx.opportunity.create({
      data: {
        id, orgId, name: deal.name, accountId: account.id, ownerId: repId, teamId: membership.teamId, productLine: deal.productLine,
        amount: deal.amount, currency: "CNY", expectedCloseDate: new Date(Date.UTC(new Date(now).getUTCFullYear() + 1, 2, 31)),
        stage: "P2", stageEnteredAt: at(4), version: WALK.length, createdAt: at(42), updatedAt: at(4),
      },
    });
    await tx.stageChange.createMany({
      data: WALK.map((step, index) => ({
        orgId, opportunityId: id, fromStage: index === 0 ? null : WALK[index - 1].stage, toStage: step.stage, at: at(step.daysAgo),
        byUserId: repId, amount: deal.amount, probability: DEFAULT_STAGE_TABLE[step.stage].probability,
      })),
    });
    await tx.approvalRequest.create({
      data: {
        orgId, opportunityId: id, toStage: "P2", requestedById: repId, note: "Budget line confirmed by the customer's planning office.",
        status: "USED", decidedById: managerId, decidedAt: at(5), comment: "Approved: strategic account.", createdAt: at(6),
      },
    });
  }
}
